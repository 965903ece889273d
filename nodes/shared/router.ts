import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withStaticParameterCache } from './parameters';
import { FieldError } from './validation';

/** What one operation returns for one item: one or more JSON objects. */
export type OperationResult = IDataObject | IDataObject[];

/**
 * One operation, in its own file: its own fields, and either a per-item `execute` (the router loops,
 * pairs and handles errors) or an `executeAll` that sees every item at once (batch calls).
 */
export interface Operation {
	description: INodeProperties[];
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
	executeAll?: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
}

export type OperationMap = Record<string, Record<string, Operation>>;

/** Every operation's own fields, in map order, for the node's `properties`. */
export function operationFields(operations: OperationMap): INodeProperties[] {
	return Object.values(operations).flatMap((byOperation) =>
		Object.values(byOperation).flatMap((operation) => operation.description),
	);
}

export const PARALLEL_REQUESTS_MAX = 20;

/** The node-level option that lets several items be in flight at once. */
export const executionOptionsProperty: INodeProperties = {
	displayName: 'Execution Options',
	name: 'executionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: PARALLEL_REQUESTS_MAX },
			description:
				'How many items are sent to the provider at the same time. Output order and item pairing are kept, and each item is still sent exactly once.',
		},
	],
};

/** Turns any error from an operation into the n8n error for that item, naming field and item. */
export function toNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const node = this.getNode();
	if (error instanceof FieldError) {
		return new NodeOperationError(node, `Invalid ${error.field} [item ${itemIndex}]: ${error.problem}`, {
			itemIndex,
			description: `Fix the "${error.field}" parameter for item ${itemIndex}. Nothing was sent for this item.`,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The JSON of an error item when "Continue On Fail" is on: message, provider code and HTTP status. */
export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const context = (error as NodeApiError).context as JsonObject | undefined;
	if (context?.providerCode !== undefined) json.errorCode = context.providerCode;
	// optional, set by providers whose error table has a status (e.g. Kasha: DECLINED / ERROR) and reason
	if (context?.providerStatus !== undefined) json.errorStatus = context.providerStatus;
	if (context?.providerReason !== undefined) json.errorReason = context.providerReason;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
	const description = (error as NodeApiError).description;
	if (description) json.errorDescription = description;
	return json;
}

/**
 * n8n routes an item to the error output ("Continue (using error output)") only when its JSON has
 * no keys besides error, message and details: there the code, HTTP status and description go in details.
 */
export function errorItemJsonFor(context: IExecuteFunctions, error: Error): IDataObject {
	const json = errorItemJson(error);
	if (context.getNode().onError !== 'continueErrorOutput') return json;
	const { error: message, ...details } = json;
	return { error: message, details };
}

function readParallelism(this: IExecuteFunctions): number {
	let value = 1;
	try {
		value = this.getNodeParameter('executionOptions.parallelRequests', 0, 1) as number;
	} catch {
		value = 1;
	}
	if (!Number.isInteger(value) || value < 1) return 1;
	return Math.min(value, PARALLEL_REQUESTS_MAX);
}

/**
 * Runs the selected operation over the input items. Output order equals input order and every
 * output item is paired with its input item, also when several items are in flight at once.
 * Without "Continue On Fail", the first failure stops new items from being sent.
 */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for "${resource}"`,
		);
	}
	if (operation.executeAll) {
		try {
			return [await operation.executeAll.call(this, items)];
		} catch (error) {
			throw toNodeError.call(this, error, 0);
		}
	}
	const execute = operation.execute!;
	const context = items.length > 1 ? withStaticParameterCache(this) : this;

	const results: INodeExecutionData[][] = new Array(items.length);
	const parallel = Math.min(readParallelism.call(this), Math.max(items.length, 1));
	let next = 0;
	let firstFailure: { index: number; error: Error } | undefined;

	const runItem = async (itemIndex: number) => {
		try {
			const output = await execute.call(context, itemIndex);
			results[itemIndex] = this.helpers.constructExecutionMetaData(
				this.helpers.returnJsonArray(output),
				{ itemData: { item: itemIndex } },
			);
		} catch (caught) {
			const error = toNodeError.call(this, caught, itemIndex);
			if (this.continueOnFail()) {
				results[itemIndex] = [{ json: errorItemJsonFor(this, error), pairedItem: { item: itemIndex } }];
				return;
			}
			if (!firstFailure || itemIndex < firstFailure.index) firstFailure = { index: itemIndex, error };
		}
	};

	const worker = async () => {
		while (!firstFailure && next < items.length) {
			const itemIndex = next++;
			await runItem(itemIndex);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	if (firstFailure) throw firstFailure.error;
	return [results.flat()];
}
