'use strict';
// What each example must do in the real n8n, by workflow id. The suite (examples.e2e.js) imports EVERY
// examples/*.json itself; this table only adds each example's own assertions. A new example needs a row
// in one of the per-provider files in ./expectations/ (merged here), or the suite fails and names it.
//
// Action workflow row (run with `n8n execute --id`):
//   { setup?({ sandbox }), check({ run, nodeItems, lastNodeItems, sandbox, n8n }) }
//     run: the execution (IRun) printed by `n8n execute --rawOutput`; nodeItems(name): that node's output
//     jsons; sandbox: the in-process Sandbox (sandbox.state(provider), sandbox.count({...})).
// Trigger workflow row (activated; the suite waits until n8n serves its production webhook URL):
//   { signed: [{ name, send({ sandbox, url, control }), check({ nodeItems, execution, delivery, sandbox }) }],
//     forged: [{ name, send({ sandbox, url, control }), status?, check?({ delivery, sandbox }) }] }
//     send returns the sandbox's delivery record ({ status, response }); `control(path, body)` posts to the
//     sandbox's /_control endpoints over HTTP (as another process would). A signed case's send also gets
//     `execute(id)` in examples.e2e.js (runs an action example with `n8n execute`, returns the run), not in
//     queue-mode.e2e.js, which reuses the first signed case: that one must work without it, and when sent
//     twice must send the same notification again (de-duplication is asserted). Every signed case must record
//     exactly one successful execution; every forged case must be refused (status, default 401) and
//     record none (its optional check then asserts more, e.g. where a refused callback redirected to).
//     send also gets `webhookUrl(path)` (the trigger node's other webhooks: `url` is its 'default' one),
//     `browse(url, { method?, headers?, body? })` (a browser request that does NOT follow redirects:
//     { status, location, response }) and `n8n` (the running instance, N8nInstance); checks get n8n too.
//     queue-mode.e2e.js sends signed[0] twice (the second must be acknowledged, status 200, and start
//     nothing); a signed case whose send is not repeatable gives repeat({ ...sendArgs, delivery }) (and
//     repeatStatus when the repeat is not answered 200).

const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, 'expectations');
const files = fs
	.readdirSync(dir)
	.filter((file) => file.endsWith('.js'))
	.sort();
// a file's `listSearch` key is not an example: it gives node parameters that a provider's listSearch or
// loadOptions methods need to return results ({ <methodName>: { parameters } }, per provider file; parameters
// may be an async function ({ sandbox, control }) that first sets up what the method lists; `fromReference:
// 'why'` for a list the node holds from the reference (no provider call))
const rows = {};
const editorCalls = {};
for (const file of files) {
	const { listSearch, ...fileRows } = require(path.join(dir, file));
	Object.assign(rows, fileRows);
	editorCalls[path.basename(file, '.js')] = listSearch || {};
}
Object.defineProperty(rows, 'editorCalls', { value: editorCalls, enumerable: false });
module.exports = rows;
