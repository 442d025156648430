import type { IDataObject } from 'n8n-workflow';

import { normalizeFields, normalizeList, type FieldTypes } from './normalizeFields';

/** The fields every CCC 2020-07-01 answer carries around its `Data` (errors carry a subset, plus HostId/Recommend). */
const ENVELOPE_TYPES: FieldTypes = {
	RequestId: 'string',
	Code: 'string',
	Message: 'string',
	HttpStatusCode: 'number',
	Params: 'stringList',
};

export interface CccEnvelope extends IDataObject {
	RequestId?: string;
	Code?: string;
	Message?: string;
	HttpStatusCode?: number;
	/** A refusal's particulars; for a state refusal, the actual state, then the accepted ones. */
	Params?: string[];
	Data?: IDataObject | IDataObject[];
}

/** Types the envelope and, with the API's own field types, its `Data`: one struct, or a list of them. */
export function readEnvelope(decoded: Record<string, unknown>, dataTypes: FieldTypes, dataIsList = false): CccEnvelope {
	const envelope = normalizeFields(decoded, ENVELOPE_TYPES) as CccEnvelope;
	if ('Data' in decoded) envelope.Data = (dataIsList ? normalizeList : normalizeFields)(decoded.Data, dataTypes);
	return envelope;
}

/** CCC signals success with `Code: "OK"`; anything else, or an HTTP error status, is a failure. */
export function isSuccess(statusCode: number, envelope: CccEnvelope): boolean {
	return statusCode < 400 && envelope.Code === 'OK';
}
