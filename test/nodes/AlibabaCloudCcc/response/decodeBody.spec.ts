import { decodeBody, UndecodableBodyError } from '../../../../nodes/AlibabaCloudCcc/response/decodeBody';

describe('decodeBody', () => {
	it('decodes JSON by content type', () => {
		expect(decodeBody('{"Code":"OK","Data":{"A":1}}', 'application/json;charset=utf-8')).toEqual({ Code: 'OK', Data: { A: 1 } });
	});

	it('decodes XML by content type, unwrapping the root element and keeping text as text', () => {
		const xml = "<?xml version='1.0' encoding='UTF-8'?><ReadyForServiceResponse><Code>OK</Code><HttpStatusCode>200</HttpStatusCode><Data><Extension>0800</Extension></Data></ReadyForServiceResponse>";
		expect(decodeBody(xml, 'text/xml;charset=utf-8')).toEqual({ Code: 'OK', HttpStatusCode: '200', Data: { Extension: '0800' } });
	});

	it('decodes the gateway\'s XML <Error> body', () => {
		const xml = "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R-1</RequestId><HostId>ccc.cn-shanghai.aliyuncs.com</HostId><Code>InvalidAction.NotFound</Code><Message>Specified api is not found, please check your url and method.</Message><Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=x&y=1]]></Recommend></Error>";
		expect(decodeBody(xml, 'text/xml')).toMatchObject({ Code: 'InvalidAction.NotFound', RequestId: 'R-1', Recommend: 'https://api.aliyun.com/troubleshoot?q=x&y=1' });
	});

	it('turns repeated elements into an array, and decodes entities', () => {
		const xml = '<R><Data><L>a</L><L>b &amp; c</L></Data></R>';
		expect(decodeBody(xml, 'application/xml')).toEqual({ Data: { L: ['a', 'b & c'] } });
	});

	it('falls back to the first character when the content type says neither', () => {
		expect(decodeBody(' {"Code":"OK"}', 'text/plain')).toEqual({ Code: 'OK' });
		expect(decodeBody('<R><Code>OK</Code></R>', '')).toEqual({ Code: 'OK' });
	});

	it.each([
		['an HTML error page', '<html><body><h1>502 Bad Gateway</h1>', 'text/html'],
		['a well-formed HTML page without a content type', '<html><body><h1>502 Bad Gateway</h1></body></html>', ''],
		['unclosed XML', '<Error><Code>X</Code>', 'text/xml'],
		['truncated JSON', '{"RequestId":"R","Data":{"UserId":"tr', 'application/json'],
		['a JSON array', '[1,2]', 'application/json'],
		['an empty body', '', 'application/json'],
		['text under an XML type', 'oops', 'text/xml'],
	])('refuses %s with a short excerpt', (_name, body, contentType) => {
		expect(() => decodeBody(body, contentType)).toThrow(UndecodableBodyError);
	});

	it('keeps the excerpt short', () => {
		try {
			decodeBody(`<html>${'x'.repeat(500)}`, 'text/html');
			throw new Error('no error');
		} catch (error) {
			expect((error as UndecodableBodyError).excerpt.length).toBeLessThanOrEqual(121);
		}
	});
});
