/**
 * The sentences the server answers with when a limit or a broken request stops something
 * (ABUSE7–ABUSE10). One short sentence each, saying what to do; in one place, so their wording is
 * changed here and nowhere else.
 */
export const REFUSALS = {
  /** A large answer (board, snapshot, chat) is asked again while the previous one is still on its way. */
  stillSending: 'The previous answer is still on its way; try again in a moment.',
  /** A download (results, export) is asked while the previous one from this address is still on its way. */
  stillDownloading: 'The previous download is still on its way; try again in a moment.',
  /** A DOCX or PDF is asked while every render worker is busy and the render queue is full. */
  exportsBusy: 'Many exports are being made right now; try again in a minute.',
  /** A file of the app that does not exist (normal after an update). */
  noSuchFile: 'This file does not exist; reload the page.',
  /** A path that tries to leave the app's folder. */
  badPath: 'This path is not allowed.',
  /** A request whose body cannot be read (broken compression, cut off). */
  unreadableBody: 'The request could not be read; send it again.',
  /** A body in a compression the server does not read. */
  unsupportedEncoding: 'This compression is not supported; send the body uncompressed or as gzip.',
  /** Any other refused request. */
  badRequest: 'This request is not valid.',
} as const;

/** Close reasons of live connections (websocket close frames: short, no sentence needed). */
export const CLOSE_REASONS = {
  /** The client did not read what was sent to it: it reconnects and gets the whole state again. */
  tooSlow: 'not reading',
} as const;
