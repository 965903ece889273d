import { operationPicker } from '../picker';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

export const operations = { getMany, create };

export const picker = operationPicker(
	'card',
	operations,
	[
		{ name: 'Add', value: 'create', action: 'Add a card', description: 'Add a bank card that receives card-to-card payments' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many cards', description: 'List the bank cards of the account' },
	],
	'getMany',
);
