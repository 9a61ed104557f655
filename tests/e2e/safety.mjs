// End-to-end tests of the safety screens (issue 9).

/** Tests: [name, async () => {}] pairs, like tdm.mjs. */
export function safetyTests({ openPage, fileUrl, shots }) {
  void openPage; void fileUrl; void shots;
  return [];
}
