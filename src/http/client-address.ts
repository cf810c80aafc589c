/**
 * The client's address, for throttling and the audit trail. Without a proxy it is the socket's
 * peer. Behind the reverse proxy the README recommends (`LDN_TRUST_PROXY=1`), every request
 * comes from the proxy's socket, so the client is the address the proxy appended to
 * `X-Forwarded-For`: the last entry. Earlier entries are whatever the client sent and are never
 * believed (a client could otherwise pick a fresh address for every guess).
 */

/** An IPv4 or IPv6 address as a proxy writes it (no port, no brackets); anything else is ignored. */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * @example clientAddressOf("10.0.0.1", "198.51.100.9, 203.0.113.7", true) // "203.0.113.7"
 * @example clientAddressOf("10.0.0.1", "203.0.113.7", false) // "10.0.0.1"
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  const socket = socketAddress ?? "unknown";
  if (!trustProxy || forwardedFor === undefined) return socket;
  const last = forwardedFor.split(",").at(-1)!.trim();
  return ADDRESS.test(last) ? last : socket;
}
