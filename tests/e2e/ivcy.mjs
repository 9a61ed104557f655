// End-to-end tests of the ivcy screens (issue 9).

/** Tests: [name, async () => {}] pairs, like tdm.mjs. */
export function ivcyTests({ openPage, fileUrl, shots }) {
  void openPage; void fileUrl; void shots;
  return [];
}
