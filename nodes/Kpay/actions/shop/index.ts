import { operationPicker } from '../picker';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as regenerateKey from './regenerateKey.operation';

export const operations = { getMany, create, regenerateKey };

export const picker = operationPicker(
	'shop',
	operations,
	[
		{ name: 'Create', value: 'create', action: 'Create a shop', description: 'Create a shop and get its API key' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many shops', description: 'List the shops of the account' },
		{ name: 'Regenerate API Key', value: 'regenerateKey', action: 'Regenerate a shop API key', description: "Replace a shop's API key (the old key stops working)" },
	],
	'getMany',
);
