import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeListSearchResult, INodeParameters, INodeType, INodeTypes, IWorkflowBase } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { testAdditionalData } from './runWorkflow';

export interface ListSearch {
	/** The node whose picker is opened, and its version. */
	readonly nodeType: INodeType;
	readonly typeVersion?: number;
	/** The node's fields as the editor holds them when the list opens. */
	readonly parameters: INodeParameters;
	/** The picker's field, and the method its From List mode names. */
	readonly field: string;
	readonly method: string;
	readonly credentials: ICredentialDataDecryptedObject;
	readonly filter?: string;
	readonly paginationToken?: string;
}

/**
 * Loads one page of a picker's list as n8n's editor has it loaded: the node's `methods.listSearch` function, called
 * with n8n-core's real `LoadOptionsContext` on a workflow holding only that node, with the editor's current values.
 */
export async function searchList({ nodeType, typeVersion = 2, parameters, field, method, credentials, filter, paginationToken }: ListSearch): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'picker-node',
		name: 'Temp-Node',
		type: `n8n-nodes-alibaba-ccc.${nodeType.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { alibabaCloudCccApi: { id: 'cred-1', name: 'CCC test credential' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const workflowData = { id: 'picker-workflow', name: 'Picker', nodes: [node], connections: {} } as unknown as IWorkflowBase;
	const additionalData = {
		...testAdditionalData(new TestCredentialsHelper(credentials), new ExecutionLifecycleHooks('internal', 'picker', workflowData)),
		currentNodeParameters: parameters,
	};
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`${nodeType.description.name} has no listSearch method ${method}`);
	return await search.call(new LoadOptionsContext(workflow, node, additionalData, `parameters.${field}`), filter, paginationToken);
}
