import { AGENT_STATE_DATA_TYPES } from '../../../../nodes/AlibabaCloudCcc/agent/agentStateData';
import { seedJsonExample, seedXmlExample } from '../../../fixtures/seedPageExamples';
import { isSuccess, readEnvelope } from '../../../../nodes/AlibabaCloudCcc/response/cccEnvelope';
import { decodeBody } from '../../../../nodes/AlibabaCloudCcc/response/decodeBody';

describe('readEnvelope', () => {
	it('decodes the seed page\'s JSON and XML examples to the same typed answer', () => {
		const fromJson = readEnvelope(decodeBody(seedJsonExample, 'application/json'), AGENT_STATE_DATA_TYPES);
		const fromXml = readEnvelope(decodeBody(seedXmlExample, 'text/xml'), AGENT_STATE_DATA_TYPES);
		expect(fromXml).toEqual(fromJson);
		expect(fromJson).toEqual({
			RequestId: 'CC49060B-87ED-489A-AD3D-00E57775DBFF',
			HttpStatusCode: 200,
			Code: 'OK',
			Data: {
				Extension: '80011474',
				UserState: 'OFFLINE',
				InstanceId: 'ccc-test',
				UserId: 'user-test@ccc-test',
				OutboundScenario: false,
				WorkMode: 'ON_SITE',
			},
		});
	});

	it('reads an empty XML Params element as an empty list', () => {
		expect(readEnvelope({ Code: 'X', Params: '' }, {})).toEqual({ Code: 'X', Params: [] });
	});
});

describe('isSuccess', () => {
	it.each([
		[200, { Code: 'OK' }, true],
		[200, { Code: 'NotExists.UserId' }, false],
		[200, {}, false],
		[404, { Code: 'OK' }, false],
		[503, {}, false],
	])('HTTP %i with %j is success: %s', (status, envelope, expected) => {
		expect(isSuccess(status, envelope)).toBe(expected);
	});
});
