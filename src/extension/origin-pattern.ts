/** The host permission pattern that covers an address: its scheme and host (ports are not part of match patterns). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
