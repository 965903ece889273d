'use strict';
// n8n in queue mode as production runs it (docs/real-n8n.md, "Queue mode in production"): PostgreSQL as
// the shared database, Redis as the queue, one main process, several workers and one webhook processor.
// Every process has its own N8N_USER_FOLDER with the package installed in it (as separate containers or
// machines would), and they share only what production shares: the database, Redis and
// N8N_ENCRYPTION_KEY. Used by test/e2e/production-shape.e2e.js.
//
//   const shape = await startProductionShape({ runtime, prepare: async (n8n) => { ...import, publish... } });
//   shape.webhookBase   // the public webhook URL (the webhook processor)
//   shape.workers[i]    // { name, child, healthPort, output() }
//   await shape.stop();

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { N8nInstance, installPackage, freePort } = require('./instance');
const { Postgres, postgresUnavailableReason } = require('./postgres');
const { Redis, redisUnavailableReason } = require('./redis');

/** Why the production shape cannot run here (a sentence), or undefined when it can. */
function productionShapeUnavailableReason() {
	const reasons = [postgresUnavailableReason(), redisUnavailableReason()].filter(Boolean);
	return reasons.length ? reasons.join('; ') : undefined;
}

/**
 * The environment every n8n process of the shape gets (besides its own folder and ports): the database,
 * the queue, the shared encryption key and the public webhook URL.
 */
function sharedEnv({ postgres, redis, encryptionKey, webhookUrl }) {
	return {
		...postgres.n8nEnv(),
		EXECUTIONS_MODE: 'queue',
		...redis.n8nEnv(),
		N8N_ENCRYPTION_KEY: encryptionKey,
		WEBHOOK_URL: webhookUrl,
	};
}

/**
 * Starts PostgreSQL, Redis, then n8n main, `workers` workers and one webhook processor.
 * @param {object} options
 * @param {object} options.runtime from ensureRuntime()
 * @param {number} [options.workers] how many `n8n worker` processes (default 2)
 * @param {number} [options.concurrency] jobs each worker runs at once (`--concurrency`, default 2)
 * @param {object} [options.env] extra environment for every n8n process (e.g. queue timings)
 * @param {(n8n: N8nInstance) => Promise<void>} [options.prepare] runs before the servers start (CLI
 *   imports, publishing workflows: they are read by every process when it starts)
 * @param {(line: string) => void} [options.log]
 */
async function startProductionShape({ runtime, workers = 2, concurrency = 2, env = {}, prepare, log = () => {} }) {
	const reason = productionShapeUnavailableReason();
	if (reason) throw new Error(reason);
	const shape = { timings: {}, workers: [] };
	const started = Date.now();
	shape.stop = async () => {
		if (shape.n8n) await shape.n8n.stop();
		if (shape.redis) await shape.redis.stop();
		if (shape.postgres) await shape.postgres.stop();
		if (shape.root && !process.env.PAYSUITE_E2E_KEEP) fs.rmSync(shape.root, { recursive: true, force: true });
	};
	try {
		shape.postgres = await new Postgres({ log }).start();
		shape.redis = await new Redis().start();
		shape.timings.databaseAndQueueSeconds = (Date.now() - started) / 1000;
		shape.root = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-e2e-prod-'));
		shape.encryptionKey = crypto.randomBytes(24).toString('base64');
		const webhookPort = await freePort();
		shape.webhookBase = `http://127.0.0.1:${webhookPort}`;
		const common = sharedEnv({ postgres: shape.postgres, redis: shape.redis, encryptionKey: shape.encryptionKey, webhookUrl: `${shape.webhookBase}/` });

		// the package installed in every process's folder: packed and unpacked once (as `npm install` of the
		// published tarball would), then the same nodes folder copied to the others
		let firstFolder;
		const folder = (name) => {
			const dir = path.join(shape.root, name);
			fs.mkdirSync(dir, { recursive: true });
			if (!firstFolder) {
				installPackage(dir, { log: (line) => log(`${name}: ${line}`) });
				firstFolder = dir;
			} else {
				fs.cpSync(path.join(firstFolder, '.n8n', 'nodes'), path.join(dir, '.n8n', 'nodes'), { recursive: true });
			}
			return dir;
		};
		const mainFolder = folder('main');
		shape.n8n = new N8nInstance({
			runtime,
			userFolder: mainFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			env: {
				...common,
				// production webhooks go to the webhook processor only (main keeps the editor, API, triggers)
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				...env,
			},
			log,
		});
		shape.n8n.logFile = path.join(shape.root, 'n8n.log');
		if (prepare) await prepare(shape.n8n);

		const t0 = Date.now();
		await shape.n8n.start();
		shape.main = shape.n8n.server;
		// main has migrated the database; then the workers and the webhook processor
		const folders = { webhook: folder('webhook') };
		for (let index = 1; index <= workers; index++) folders[`worker-${index}`] = folder(`worker-${index}`);
		const startWorker = async (name) => {
			const healthPort = await freePort();
			const child = await shape.n8n.spawnService(['worker', `--concurrency=${concurrency}`], {
				name,
				env: {
					N8N_USER_FOLDER: folders[name],
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
				healthUrl: `http://127.0.0.1:${healthPort}/healthz`,
			});
			return { name, child, healthPort, output: () => child.output };
		};
		const startWebhook = async () =>
			await shape.n8n.spawnService(['webhook'], {
				name: 'webhook',
				env: {
					N8N_USER_FOLDER: folders.webhook,
					N8N_PORT: String(webhookPort),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
				healthUrl: `${shape.webhookBase}/healthz`,
			});
		// one after the other: started together on 2 cores they took as long, and once a process failed to start
		for (let index = 1; index <= workers; index++) shape.workers.push(await startWorker(`worker-${index}`));
		shape.webhook = await startWebhook();
		/** Starts a worker again (after it was killed), in its own folder, as a container restart would. */
		shape.restartWorker = async (worker) => {
			const earlier = worker.output();
			const fresh = await startWorker(worker.name);
			worker.child = fresh.child;
			worker.healthPort = fresh.healthPort;
			worker.output = () => `${earlier}${fresh.child.output}`;
			return worker;
		};
		shape.timings.n8nProcessesSeconds = (Date.now() - t0) / 1000;
		shape.timings.totalStartSeconds = (Date.now() - started) / 1000;
		return shape;
	} catch (error) {
		await shape.stop().catch(() => {});
		throw error;
	}
}

/** Which worker ran an execution ("Worker finished execution <id> (job <n>)" in its output), or undefined. */
function workerOf(shape, executionId) {
	const pattern = new RegExp(`Worker (started|finished) execution ${executionId} \\(job`);
	return shape.workers.find((worker) => pattern.test(worker.output()));
}

module.exports = { startProductionShape, productionShapeUnavailableReason, sharedEnv, workerOf };
