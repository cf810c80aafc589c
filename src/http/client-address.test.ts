import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address.ts";

describe("the client's address", () => {
  it("is the socket's peer unless a proxy is trusted", () => {
    expect(clientAddressOf("10.0.0.1", "203.0.113.7", false)).toBe("10.0.0.1");
    expect(clientAddressOf(undefined, undefined, false)).toBe("unknown");
  });

  it("behind a trusted proxy is the last X-Forwarded-For entry, the one the proxy wrote", () => {
    expect(clientAddressOf("10.0.0.1", "203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.1", "198.51.100.9, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.1", "2001:db8::1", true)).toBe("2001:db8::1");
  });

  it("falls back to the socket when the header is missing or not an address", () => {
    expect(clientAddressOf("10.0.0.1", undefined, true)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "1.2.3.4, <script>", true)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", "", true)).toBe("10.0.0.1");
  });
});
