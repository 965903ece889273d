import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as getBalances from './getBalances.operation';
import * as getPaymentMethodFields from './getPaymentMethodFields.operation';
import * as getRates from './getRates.operation';

export const operations: OperationMap[string] = { getRates, getBalances, getPaymentMethodFields };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['wallet'] } },
	options: [
		{
			name: 'Get Balances',
			value: 'getBalances',
			action: 'Get merchant wallet balances',
			description: 'Get the balance of each of your merchant wallets, one item per wallet',
		},
		{
			name: 'Get Payment Method Fields',
			value: 'getPaymentMethodFields',
			action: 'Get the fields of a payment method',
			description: 'Get the deposit and withdrawal fields a payment method needs, such as a wallet address',
		},
		{
			name: 'Get Rates',
			value: 'getRates',
			action: 'Get exchange rates',
			description: "Get Kazawallet's current exchange rates",
		},
	],
	default: 'getBalances',
};
