// The prerender worker's entry: Node 20's workers do not inherit tsx's --import hooks, so it registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./prerender-worker.ts");
