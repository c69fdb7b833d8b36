import { PGlite } from '@electric-sql/pglite';
const t0=Date.now();
const db = new PGlite();
const r = await db.query("select 1::int8 a, 1.5::numeric b, now() c, '{\"x\":1}'::jsonb d, current_date e, 2::int4 f, '2026-01-01'::date g, version() v");
console.log(r.rows, r.fields, Date.now()-t0);
const t1=Date.now(); const dump = await db.dumpDataDir('none'); console.log('dump', dump.size, Date.now()-t1);
const t2=Date.now(); const db2 = new PGlite({loadDataDir: dump}); await db2.query('select 1'); console.log('load', Date.now()-t2);
