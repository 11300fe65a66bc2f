// Screenshots for the README: `npx tsx tests/browser/screenshots.ts [SITE_FOLDER] [URL_PATH] [OUT_PREFIX]`.
// Builds quire's own site (or serves SITE_FOLDER) and shoots the sample essay at phone and desktop widths.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "../../src/build.ts";
import { desktop, launchChromium, phone, serveStatic } from "./support.ts";

const [folder, urlPath = "/on-quiet-tools/", prefix = "docs/screenshots/essay"] = process.argv.slice(2);
let site = folder;
if (!site) {
  site = path.join(mkdtempSync(path.join(tmpdir(), "quire-shots-")), "site");
  await build({ quiet: true, output: site });
}
const server = await serveStatic(path.resolve(site));
const browser = await launchChromium();
try {
  for (const [name, viewport, fullPage] of [["375", phone, true], ["1280", desktop, false]] as const) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(server.origin + urlPath);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${prefix}-${name}.png`, fullPage, clip: fullPage ? { x: 0, y: 0, width: viewport.width, height: 2400 } : undefined });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
