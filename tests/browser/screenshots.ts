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
  // The phone shot runs past the first screen, to show the contents box and the first sections.
  for (const [name, viewport, height] of [["375", phone, 1300], ["1280", desktop, desktop.height]] as const) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: "reduce" });
    await page.goto(server.origin + urlPath);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
