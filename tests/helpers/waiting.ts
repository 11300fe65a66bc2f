// Waiting in tests of servers: a free port to serve on, and a check polled until it holds.
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The port the dev server says it serves on: the one asked for, unless another program took it in the
 * meantime (the server then moves to the next free one, and says so in this line). */
export function servedPort(lines: readonly { line: string }[]): number {
  const serving = lines.map((entry) => /^quire: serving http:\/\/localhost:(\d+)\//.exec(entry.line)).find((match) => match);
  if (!serving?.[1]) throw new Error(`the dev server did not say where it serves:\n${lines.map((entry) => entry.line).join("\n")}`);
  return Number(serving[1]);
}

/** Polls until `check` returns a value, or fails after `seconds`. */
export async function within<T>(seconds: number, what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
