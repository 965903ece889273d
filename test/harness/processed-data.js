'use strict';
// n8n's processed-items store (what `this.helpers.checkProcessedAndRecord` reaches), for the harness.
// n8n-core routes the helpers to DataDeduplicationService, which n8n's server backs with
// packages/cli/src/deduplication/deduplication-helper.ts over the `processed_data` table. This is the same
// algorithm over an in-memory table, including what matters for the payment ledger:
// - one row per (workflow, context) holding the MD5/Base64 hashes of the recorded values, oldest first,
//   trimmed to maxEntries;
// - every call reads the row, then (after the database round trip, here one macrotask) writes the whole
//   row back: two calls at the same moment both read the old row (the same race n8n has);
// - the first call of a context inserts the row; a second insert of the same row fails (primary key).
// The real store is exercised by the end-to-end suite inside a real n8n.

const crypto = require('crypto');
const core = require('n8n-core');

const roundTrip = () => new Promise((resolve) => setImmediate(resolve));

class InMemoryProcessedData {
	constructor() {
		this.rows = new Map(); // `${workflowId}|${context}` -> { mode, data: string[] }
		this.calls = 0;
		this.losing = 0;
	}

	static hash(value) {
		return crypto.createHash('md5').update(String(value)).digest('base64');
	}

	static context(scope, contextData) {
		if (scope === 'node') {
			if (!contextData.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
			return `n:${contextData.node.id}`;
		}
		return '';
	}

	rowKey(scope, contextData) {
		return `${contextData.workflow.id}|${InMemoryProcessedData.context(scope, contextData)}`;
	}

	async read(key) {
		await roundTrip();
		const row = this.rows.get(key);
		return row ? { mode: row.mode, data: [...row.data] } : undefined;
	}

	async insert(key, value) {
		await roundTrip();
		if (this.rows.has(key)) throw new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: processed_data.workflowId, processed_data.context');
		this.rows.set(key, value);
	}

	async update(key, value) {
		await roundTrip();
		if (this.losing > 0) {
			// another process wrote back the copy it read before ours: our write is lost
			this.losing--;
			return;
		}
		this.rows.set(key, value);
	}

	/** The next `count` writes are overwritten at once by another process's stale copy (lost updates). */
	loseNextUpdates(count = 1) {
		this.losing = count;
	}

	async checkProcessedAndRecord(items, scope, contextData, options) {
		this.calls++;
		if (options.mode !== 'entries') throw new Error('the harness store supports the "entries" mode only');
		const key = this.rowKey(scope, contextData);
		const hashed = items.map((item) => InMemoryProcessedData.hash(item));
		const row = await this.read(key);
		if (!row) {
			const data = [...hashed];
			if (options.maxEntries) data.splice(0, data.length - options.maxEntries);
			await this.insert(key, { mode: options.mode, data });
			return { new: items, processed: [] };
		}
		const seen = new Set(row.data);
		const result = { new: [], processed: [] };
		hashed.forEach((hash, index) => {
			if (seen.has(hash)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				row.data.push(hash);
			}
		});
		if (options.maxEntries) row.data.splice(0, row.data.length - options.maxEntries);
		await this.update(key, row);
		return result;
	}

	async removeProcessed(items, scope, contextData) {
		this.calls++;
		const key = this.rowKey(scope, contextData);
		const row = await this.read(key);
		if (!row) return;
		for (const hash of items.map((item) => InMemoryProcessedData.hash(item))) {
			const index = row.data.indexOf(hash);
			if (index !== -1) row.data.splice(index, 1);
		}
		await this.update(key, row);
	}

	async clearAllProcessedItems(scope, contextData) {
		this.rows.delete(this.rowKey(scope, contextData));
	}

	async getProcessedDataCount(scope, contextData) {
		const row = this.rows.get(this.rowKey(scope, contextData));
		return row ? row.data.length : 0;
	}

	/** Test helper: every key recorded for a node (as hashes) — how many the ledger holds. */
	countFor(workflowId, nodeId) {
		const row = this.rows.get(`${workflowId}|n:${nodeId}`);
		return row ? row.data.length : 0;
	}

	has(workflowId, nodeId, value) {
		const row = this.rows.get(`${workflowId}|n:${nodeId}`);
		return !!row && row.data.includes(InMemoryProcessedData.hash(value));
	}

	reset() {
		this.rows.clear();
		this.calls = 0;
	}
}

let store;
/** The one store of this test process, installed into n8n-core on first use. */
function processedData() {
	if (!store) {
		store = new InMemoryProcessedData();
		try {
			core.DataDeduplicationService.init(store);
		} catch (error) {
			// already initialised by another copy of this module in the same process
			if (!/already initialized/i.test(error.message)) throw error;
			core.DataDeduplicationService.getInstance().deduplicator = store;
		}
	}
	return store;
}

module.exports = { processedData, InMemoryProcessedData };
