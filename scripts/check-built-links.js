// Checks a built site as a host serving it under its base URL would: every same-site address a built page links
// to or loads (href and src, without the fragment) names a file of the build, as a plain static server finds it
// (`/x/` is `x/index.html`), and starts with the base URL. The Pages workflow runs it on the build it deploys.
//
//   node scripts/check-built-links.js [BUILD_DIR] [BASE_URL]      (build/ and /, or $BASE_URL)
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.argv[2] ?? join(__dirname, '..', 'build');
const base = process.argv[3] ?? process.env.BASE_URL ?? '/';

function htmlFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The file a static server answers `address` with, or null. */
function served(address) {
  const path = decodeURIComponent(address.slice(base.length));
  const file = join(dir, path);
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir} has no index.html: build the site first (npm run build).`);
  process.exit(2);
}
const problems = new Set();
let checked = 0;
for (const file of htmlFiles(dir)) {
  const html = readFileSync(file, 'utf8');
  for (const [, value] of html.matchAll(/\s(?:href|src)=["']?([^"'\s>]+)/g)) {
    if (!value.startsWith('/') || value.startsWith('//')) continue;
    const address = value.replace(/[#?].*$/, '');
    checked++;
    const page = file.slice(dir.length);
    if (!address.startsWith(base)) problems.add(`${page}: ${value} is outside the base URL ${base}`);
    else if (served(address) === null) problems.add(`${page}: ${value} names no file of the build`);
  }
}
if (problems.size) {
  console.error([...problems].slice(0, 50).join('\n'));
  console.error(`${problems.size} broken addresses of ${checked} checked in ${dir} (base URL ${base}).`);
  process.exit(1);
}
console.log(
  `${checked} addresses in ${htmlFiles(dir).length} pages of ${dir}: each starts with ${base} and names a file of the build.`,
);
