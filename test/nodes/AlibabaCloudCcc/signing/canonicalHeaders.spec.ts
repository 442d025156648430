import { canonicalHeaders } from '../../../../nodes/AlibabaCloudCcc/signing/canonicalHeaders';

describe('canonicalHeaders', () => {
	it('signs host, content-type and x-acs-* only, lower-cased, sorted, trimmed', () => {
		const result = canonicalHeaders({
			'X-Acs-Version': ' 2020-07-01 ',
			Accept: 'application/json',
			'User-Agent': 'n8n',
			host: 'ccc.cn-shanghai.aliyuncs.com',
			'Content-Type': 'application/x-www-form-urlencoded',
			'x-acs-action': 'ReadyForService',
			authorization: 'previous',
		});
		expect(result.signedHeaders).toBe('content-type;host;x-acs-action;x-acs-version');
		expect(result.block).toBe(
			'content-type:application/x-www-form-urlencoded\n' +
				'host:ccc.cn-shanghai.aliyuncs.com\n' +
				'x-acs-action:ReadyForService\n' +
				'x-acs-version:2020-07-01\n',
		);
	});

	it('is empty when no header is signable', () => {
		expect(canonicalHeaders({ accept: 'application/json' })).toEqual({ block: '', signedHeaders: '' });
	});
});
