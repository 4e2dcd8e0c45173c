/**
 * The rows of the source's open-chats query as a reader pastes them (from SQL Server Management Studio's grid, a
 * text export or the source itself), read into observations: the status pair of each row, or "no rows" for a
 * result with its header and nothing under it. Lines are read for the two adjacent four-digit numbers of a status
 * pair (5000 5900: the sub-status shares the status's thousands), so column order and spacing do not matter.
 */
import { NO_OPEN_CHATS, openChatText } from './observations';

export class RowsError extends Error {}

const PAIR = /(?:^|\s)(\d)000\s+(\1\d{3})(?=\s|$)/;

/** The observation texts of kind `openChats` the pasted text shows; a one-line error naming a line it cannot read. */
export function openChatsFromRows(text: string): string[] {
  const found: string[] = [];
  let header = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    if (
      /activity_status/.test(line) ||
      /^\s*(select|from|where|and|order by|b\.)\b/i.test(line) ||
      /^`{3}/.test(line)
    ) {
      header ||= /activity_status/.test(line) && !/^\s*(select|from|where|and|order by|b\.)\b/i.test(line);
      return;
    }
    const pair = PAIR.exec(line);
    if (!pair) {
      throw new RowsError(
        `pasted rows, line ${i + 1}: no status pair such as 5000 5900 in ${JSON.stringify(line.trim().slice(0, 60))}`,
      );
    }
    const text = openChatText(Number(`${pair[1]}000`), Number(pair[2]));
    if (!found.includes(text)) found.push(text);
  });
  if (found.length === 0 && header) return [NO_OPEN_CHATS];
  if (found.length === 0) throw new RowsError('pasted rows: neither a header with activity_status nor any row');
  return found;
}
