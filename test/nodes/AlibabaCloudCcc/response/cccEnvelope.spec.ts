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
				SignedSkillGroupIdList: [],
			},
			Params: [],
		});
	});

	it('reads an empty XML Params element as an empty list', () => {
		expect(readEnvelope({ Code: 'X', Params: '' }, {})).toEqual({ Code: 'X', Params: [] });
	});

	/** The same answer in both formats; in XML a list is its repeated elements, zero of them no element at all. */
	const answers = (ids: string[]) => ({
		json: JSON.stringify({ Code: 'OK', ...(ids.length ? { Params: ids } : {}), Data: { UserId: 'u@i', ...(ids.length ? { SignedSkillGroupIdList: ids } : {}) } }),
		jsonEmpty: JSON.stringify({ Code: 'OK', Params: ids, Data: { UserId: 'u@i', SignedSkillGroupIdList: ids } }),
		xml: `<ReadyForServiceResponse><Code>OK</Code>${ids.map((id) => `<Params>${id}</Params>`).join('')}<Data><UserId>u@i</UserId>${ids
			.map((id) => `<SignedSkillGroupIdList>${id}</SignedSkillGroupIdList>`)
			.join('')}</Data></ReadyForServiceResponse>`,
	});

	it.each([
		['absent or empty', []],
		['one entry', ['skg-1@i']],
		['many entries', ['skg-1@i', 'skg-2@i', 'skg-3@i']],
	])('makes every documented list an array: %s, in JSON and XML', (_name, ids) => {
		const body = answers(ids);
		for (const [text, contentType] of [[body.json, 'application/json'], [body.jsonEmpty, 'application/json'], [body.xml, 'text/xml']]) {
			const envelope = readEnvelope(decodeBody(text, contentType), AGENT_STATE_DATA_TYPES);
			expect([text, envelope.Params, (envelope.Data as { SignedSkillGroupIdList?: unknown } | undefined)?.SignedSkillGroupIdList]).toEqual([text, ids, ids]);
		}
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
