// Draws every model of processes/ as an SVG in docs/diagrams/, the way Camunda Modeler shows it
// (bpmn-js, dmn-js), in the machine's own headless Chromium. Run: npm run render:diagrams
// CHROMIUM=/path/to/chromium overrides where the browser is.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = resolve(import.meta.dirname, '..');
const viewers = {
  bpmn: join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'),
  dmn: join(root, 'node_modules/dmn-js/dist/dmn-viewer.production.min.js'),
};
const out = join(root, 'docs/diagrams');
mkdirSync(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const file of readdirSync(join(root, 'processes')).sort()) {
    const kind = file.endsWith('.bpmn') ? 'bpmn' : file.endsWith('.dmn') ? 'dmn' : null;
    if (!kind) continue;
    const page = await browser.newPage();
    await page.setContent('<div id="canvas" style="width:2600px;height:2200px"></div>');
    await page.addScriptTag({ content: readFileSync(viewers[kind], 'utf8') });
    const svg = await page.evaluate(async (kind, xml) => {
      const Viewer = kind === 'bpmn' ? window.BpmnJS : window.DmnJS;
      const viewer = new Viewer({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) throw new Error(warnings.map(w => w.message).join('; '));
      const shown = kind === 'bpmn' ? viewer : viewer.getActiveViewer();
      return (await shown.saveSVG()).svg;
    }, kind, readFileSync(join(root, 'processes', file), 'utf8'));
    const target = join(out, file.replace(/\.(bpmn|dmn)$/, '.svg'));
    writeFileSync(target, svg);
    console.log(`drawn ${file} -> ${target.substring(root.length + 1)}`);
    await page.close();
  }
} finally {
  await browser.close();
}
