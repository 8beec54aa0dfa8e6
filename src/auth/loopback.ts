/**
 * Whether a bind address only accepts connections from this machine. `0.0.0.0`, `::` and host names other than
 * `localhost` are not loopback: binding them without API keys is refused (config.ts).
 *
 * @example
 *   isLoopbackHost('127.0.0.1')  // true
 *   isLoopbackHost('0.0.0.0')    // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}
