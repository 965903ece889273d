// Build: clean dist/, compile TypeScript, then copy each node's and credential's icons and codex files
// next to the compiled code, where n8n looks for them (`icon: 'file:...'` is resolved relative to the .js).
const { src, dest, series } = require('gulp');
const { rmSync } = require('fs');
const { execFileSync } = require('child_process');
const path = require('path');

function clean(done) {
	rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
		cwd: __dirname,
	});
	done();
}

function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports.build = series(clean, compile, copyAssets);
exports.default = exports.build;
