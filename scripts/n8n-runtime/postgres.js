'use strict';
// A throw-away PostgreSQL server for the end-to-end tests: initdb into a temporary folder, `postgres` on
// 127.0.0.1 and a free port (its socket in that folder too), one database and one password user for n8n.
// Stopped (and the folder removed) by stop(). Debian's `postgresql` package puts the binaries in
// /usr/lib/postgresql/<version>/bin, which is not on PATH: they are looked up there as well.
//
// PostgreSQL refuses to run as root. When this runs as root, the server runs as the system user
// `postgres` (created by Debian's package) through `runuser`, and the data folder is given to that user.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const { freePort, sleep } = require('./instance');

/** The folder holding initdb/postgres/pg_ctl/psql, or undefined when PostgreSQL is not installed. */
function findPostgresBin() {
	// PAYSUITE_PG_BIN names the folder to use (and only that one: a wrong folder shows the "not installed" path)
	if (process.env.PAYSUITE_PG_BIN) {
		const dir = process.env.PAYSUITE_PG_BIN;
		return ['initdb', 'postgres', 'psql'].every((bin) => fs.existsSync(path.join(dir, bin))) ? dir : undefined;
	}
	const candidates = [];
	const debianRoot = '/usr/lib/postgresql';
	if (fs.existsSync(debianRoot)) {
		const versions = fs
			.readdirSync(debianRoot)
			.filter((name) => /^\d+(\.\d+)?$/.test(name))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) candidates.push(path.join(debianRoot, version, 'bin'));
	}
	for (const dir of (process.env.PATH || '').split(path.delimiter)) if (dir) candidates.push(dir);
	return candidates.find((dir) => ['initdb', 'postgres', 'psql'].every((bin) => fs.existsSync(path.join(dir, bin))));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Why PostgreSQL cannot be started here (a sentence), or undefined when it can. */
function postgresUnavailableReason() {
	if (!findPostgresBin()) return 'PostgreSQL is not installed (initdb/postgres/psql not found; Debian: apt-get install -y postgresql)';
	if (isRoot()) {
		try {
			execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
			execFileSync('runuser', ['--help'], { stdio: 'ignore' });
		} catch {
			return 'running as root, and there is no `postgres` system user (or no runuser) to run PostgreSQL as';
		}
	}
	return undefined;
}

class Postgres {
	/**
	 * @param {object} [options]
	 * @param {string} [options.database] database n8n uses (created)
	 * @param {string} [options.user] its owner, with a password (as n8n's DB_POSTGRESDB_USER/PASSWORD)
	 * @param {(line: string) => void} [options.log]
	 */
	constructor({ database = 'n8n', user = 'n8n', password = 'n8n-e2e-password', log = () => {} } = {}) {
		this.database = database;
		this.user = user;
		this.password = password;
		this.log = log;
		this.host = '127.0.0.1';
	}

	/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
	run(bin, args, options = {}) {
		const program = path.join(this.binDir, bin);
		if (isRoot()) return execFileSync('runuser', ['-u', 'postgres', '--', program, ...args], { encoding: 'utf8', ...options });
		return execFileSync(program, args, { encoding: 'utf8', ...options });
	}

	async start({ timeoutMs = 60_000 } = {}) {
		const reason = postgresUnavailableReason();
		if (reason) throw new Error(reason);
		this.binDir = findPostgresBin();
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-pg-'));
		this.dataDir = path.join(this.dir, 'data');
		fs.mkdirSync(this.dataDir);
		if (isRoot()) execFileSync('chown', ['-R', 'postgres:', this.dir]);
		fs.chmodSync(this.dir, 0o755);
		fs.chmodSync(this.dataDir, 0o700);
		const started = Date.now();
		// the superuser `postgres` connects by the local socket without a password (trust); n8n's user needs one
		this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.port = await freePort();
		const args = [
			'-D', this.dataDir, '-k', this.dir, '-p', String(this.port), '-h', this.host,
			// a test database: no durability needed; enough connections for main + workers + webhook + CLI
			'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
		];
		const program = path.join(this.binDir, 'postgres');
		this.process = isRoot()
			? spawn('runuser', ['-u', 'postgres', '--', program, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
			: spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		this.output = '';
		const onData = (chunk) => (this.output = (this.output + chunk).slice(-200_000));
		this.process.stdout.on('data', onData);
		this.process.stderr.on('data', onData);
		let exited;
		this.process.on('close', (code) => (exited = code));
		for (;;) {
			if (exited !== undefined) throw new Error(`postgres exited with ${exited} while starting:\n${this.output}`);
			try {
				this.psql('SELECT 1');
				break;
			} catch {}
			if (Date.now() - started > timeoutMs) throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${this.output}`);
			await sleep(200);
		}
		this.psql(`CREATE USER "${this.user}" WITH PASSWORD '${this.password.replace(/'/g, "''")}'`);
		this.psql(`CREATE DATABASE "${this.database}" OWNER "${this.user}"`);
		this.startMs = Date.now() - started;
		this.log(`PostgreSQL (${path.basename(path.dirname(this.binDir))}) on ${this.host}:${this.port}, data in ${this.dataDir}, ready in ${this.startMs} ms`);
		return this;
	}

	/** Runs SQL as the superuser (over the socket in our folder); returns psql's unaligned output. */
	psql(sql, { database = 'postgres' } = {}) {
		return this.run('psql', ['-h', this.dir, '-p', String(this.port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-tA', '-c', sql], {
			stdio: ['ignore', 'pipe', 'pipe'],
		}).trim();
	}

	/** SQL against n8n's database; rows as arrays of strings (columns split on |). */
	query(sql) {
		const out = this.psql(sql, { database: this.database });
		return out ? out.split('\n').map((line) => line.split('|')) : [];
	}

	/** n8n's environment for this database (the variables docs/real-n8n.md lists). */
	n8nEnv() {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.host,
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: this.password,
		};
	}

	async stop() {
		if (this.process && this.process.exitCode === null) {
			// SIGINT: PostgreSQL's "fast" shutdown (runuser passes it on to the server)
			try {
				process.kill(-this.process.pid, 'SIGINT');
			} catch {}
			const deadline = Date.now() + 15_000;
			while (this.process.exitCode === null && this.process.signalCode === null && Date.now() < deadline) await sleep(100);
			if (this.process.exitCode === null && this.process.signalCode === null) {
				try {
					process.kill(-this.process.pid, 'SIGKILL');
				} catch {}
			}
		}
		if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

module.exports = { Postgres, findPostgresBin, postgresUnavailableReason };
