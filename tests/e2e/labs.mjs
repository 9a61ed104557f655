// End-to-end tests of the labs screens (issue 9).

/** Tests: [name, async () => {}] pairs, like tdm.mjs. */
export function labsTests({ openPage, fileUrl, shots }) {
  void openPage; void fileUrl; void shots;
  return [];
}
