/** kubectl's terminal escaper (cli-runtime printers.EscapeTerminal): ESC as `^[`, CR as `\r`, so output cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
