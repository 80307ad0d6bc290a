/**
 * A literal as a Markdown code span for messages: the shortest run of
 * backticks that does not occur inside it, with spaces when it starts or
 * ends with a backtick (`` ` ``` ` `` for three backticks).
 */
export function inlineCode(text: string): string {
  const runs = new Set((text.match(/`+/g) ?? []).map((run) => run.length));
  let length = 1;
  while (runs.has(length)) length++;
  const fence = '`'.repeat(length);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
