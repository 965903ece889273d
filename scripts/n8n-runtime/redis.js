'use strict';
// A throw-away Redis for queue mode: `redis-server` on 127.0.0.1 and a free port, nothing persisted.

const net = require('net');
const { spawn, execFileSync } = require('child_process');

const { freePort, sleep } = require('./instance');

/** Why Redis cannot be started here (a sentence), or undefined when it can. */
function redisUnavailableReason() {
	try {
		execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
		return undefined;
	} catch {
		return 'redis-server is not installed (Debian: apt-get install -y redis-server)';
	}
}

/** Sends one inline command, resolves with the first reply line. */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.once('connect', () => socket.write(`${command}\r\n`));
	});
}

class Redis {
	async start({ timeoutMs = 20_000 } = {}) {
		const reason = redisUnavailableReason();
		if (reason) throw new Error(reason);
		this.port = await freePort();
		this.host = '127.0.0.1';
		this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
			stdio: 'ignore',
			detached: true,
		});
		const started = Date.now();
		for (;;) {
			if (this.process.exitCode !== null) throw new Error(`redis-server exited with ${this.process.exitCode}`);
			try {
				if ((await redisCommand(this.port, 'PING')) === '+PONG') break;
			} catch {}
			if (Date.now() - started > timeoutMs) throw new Error(`redis-server did not answer PING within ${timeoutMs} ms`);
			await sleep(100);
		}
		return this;
	}

	/** n8n's environment for this Redis (queue mode). */
	n8nEnv() {
		return { QUEUE_BULL_REDIS_HOST: this.host, QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	async stop() {
		if (!this.process || this.process.exitCode !== null) return;
		try {
			process.kill(-this.process.pid, 'SIGKILL');
		} catch {}
		const deadline = Date.now() + 5000;
		while (this.process.exitCode === null && this.process.signalCode === null && Date.now() < deadline) await sleep(50);
	}
}

module.exports = { Redis, redisUnavailableReason, redisCommand };
