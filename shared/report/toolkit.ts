/**
 * The harvest functions of the facilitation toolkit, for the verslag's registry: one line each.
 *   statements: harvestStatements, choice: harvestChoice, words: harvestWords
 * and for the chat (not an activity): `harvestChat(chatDigest(messages), lang)`.
 */
export { harvestChat, harvestRoomChat } from './chat';
export { choiceSentence, harvestChoice, rankingLine } from './choice';
export { chatRow, choiceTable, linkRow, statementsTable, type Table, wordsTable } from './rows';
export { harvestStatements, statementSentence } from './statements';
export type { ReportLang } from './text';
export { harvestWords } from './words';
