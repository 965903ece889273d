'use strict';
// Every provider module in this folder (one file each), so adding a provider needs no edit here.
const fs = require('fs');
const path = require('path');

module.exports = fs
	.readdirSync(__dirname)
	.filter((file) => file.endsWith('.js') && file !== 'index.js')
	.sort()
	.map((file) => require(path.join(__dirname, file)));
