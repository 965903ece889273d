import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { emailProperty } from '../common';

// Reference: "2. Query KYC Status" (apiCode queryUcardKycStatus): WAITING_KYC, REJECTED, PASSED

const properties: INodeProperties[] = [emailProperty];

const displayOptions = { show: { resource: ['kyc'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'Cardholder Email');
	const { data } = await kazePayRequest.call(this, 'queryUcardKycStatus', { payload: { email },
		itemIndex: i,
	});
	return { email, response: answerObject(data) };
}
