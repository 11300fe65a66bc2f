// quire's command line: `build`, `serve` and `new`. It drives Eleventy through its programmatic API,
// because Eleventy's own CLI neither loads .eleventy.ts nor accepts quire's flags.
import { parseArgs } from "node:util";
import { build } from "./build.ts";
import type { BuildOptions } from "./build-options.ts";
import { describeBuildError } from "./report-error.ts";
import { isBasePath, normaliseBasePath } from "./base-path.ts";
import { serve } from "./serve.ts";
import { formatLinkReport } from "./links/link-check.ts";
import { createPage } from "./new-page.ts";
import { QuireError } from "./errors.ts";
import { buildSummary } from "./build-summary.ts";

const HELP = `quire — a static site generator for essay sites

usage:
  npm run build [-- flags]       build the site (node src/launch.mjs build)
  npm start [-- flags]           serve it with live reload (node src/launch.mjs serve)
  npm run new -- "a title"       start a new page in content/

flags:
  --input DIR        folder of markdown pages (default: content)
  --output DIR       folder the site is written to (default: _site; npm start: .quire-preview)
  --strict           fail the build when a link or anchor does not resolve
  --base-path PATH   serve the site under a sub-path, e.g. /blog/ (default: /)
  --port N           port for the dev server (default: 8080)
  --quiet            print errors and warnings only
  --no-cache         render every page afresh, without the build cache (.quire-cache/)
  --cache-dir DIR    folder of the build cache (default: .quire-cache)
  --no-search        leave out the search index (the search page then says it is missing)
  --help             this text
`;

const flags = {
  input: { type: "string" },
  output: { type: "string" },
  strict: { type: "boolean" },
  "base-path": { type: "string" },
  port: { type: "string" },
  quiet: { type: "boolean" },
  "no-cache": { type: "boolean" },
  "cache-dir": { type: "string" },
  "no-search": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function optionsFrom(values: Record<string, string | boolean | undefined>): Partial<BuildOptions> {
  const basePath = typeof values["base-path"] === "string" ? normaliseBasePath(values["base-path"]) : undefined;
  return {
    input: values.input as string | undefined,
    output: values.output as string | undefined,
    strict: values.strict as boolean | undefined,
    quiet: values.quiet as boolean | undefined,
    basePath,
    cache: values["no-cache"] === true ? false : undefined,
    cacheDir: values["cache-dir"] as string | undefined,
    search: values["no-search"] === true ? false : undefined,
  };
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`quire: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command = "build", ...rest] = parsed.positionals;
  if (parsed.values.help || command === "help") {
    console.log(HELP);
    return 0;
  }
  const basePath = parsed.values["base-path"];
  if (typeof basePath === "string" && !isBasePath(basePath)) {
    console.error(`quire: --base-path takes the path the site is served under, like /blog/, not "${basePath}"`);
    return 2;
  }
  const options = optionsFrom(parsed.values);
  switch (command) {
    case "build": {
      try {
        const result = await build(options);
        const { links } = result;
        // Corrections are notices; --quiet keeps only what needs the author's attention.
        const shown = options.quiet ? { ...links, corrected: [] } : links;
        if (shown.broken.length > 0 || shown.corrected.length > 0) {
          console.warn(`quire: ${links.checked} internal links checked, ${links.corrected.length} corrected, ${links.broken.length} broken\n${formatLinkReport(shown)}`);
        }
        const summary = buildSummary(result, options.output ?? "_site", options.quiet ?? false);
        for (const line of summary.lines) console.log(line);
        for (const line of summary.warnings) console.warn(line);
        return 0;
      } catch (error) {
        console.error(`quire: the build failed; the site in ${options.output ?? "_site"} is unchanged.\n${describeBuildError(error)}`);
        return 1;
      }
    }
    case "serve": {
      const port = parsed.values.port === undefined ? 8080 : Number(parsed.values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        console.error(`quire: --port takes a port number from 1 to 65535, not "${parsed.values.port}"`);
        return 2;
      }
      try {
        const eleventy = await serve({ ...options, port });
        process.on("SIGINT", () => void eleventy.stopWatch().then(() => process.exit(0)));
        return 0;
      } catch (error) {
        console.error(`quire: the dev server could not start.\n${describeBuildError(error)}`);
        return 1;
      }
    }
    case "new": {
      const title = rest.join(" ").trim();
      if (!title) {
        console.error(`quire: new needs the page's title: npm run new -- "my new essay"`);
        return 2;
      }
      const input = options.input ?? "content";
      try {
        const file = createPage(title, input);
        console.log(`quire: started ${file}; fill in its front matter, then npm start to watch it as you write`);
        return 0;
      } catch (error) {
        if (!(error instanceof QuireError)) throw error;
        console.error(`quire: no page made.\n${error.format()}`);
        return 1;
      }
    }
    default:
      console.error(`quire: unknown command "${command}"${rest.length ? ` ${rest.join(" ")}` : ""}\n\n${HELP}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
