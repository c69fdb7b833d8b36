// Builds the web app when dist/ is missing or older than its sources, so `npm start` is quick
// after the first run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../apps/web');
const common = path.resolve(import.meta.dirname, '../packages/common/src');
const built = path.join(web, 'dist/index.html');

function newest(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newest(path.join(target, name))));
}

const sources = Math.max(
  newest(path.join(web, 'src')),
  newest(path.join(web, 'index.html')),
  newest(path.join(web, 'vite.config.ts')),
  newest(common),
);
if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) process.exit(0);
console.log('Building the web app…');
const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
