import { signRpcV1 } from './signV1';
import { signRpcV3 } from './signV3';
import type { AccessKey, RpcCall, SignatureVersion, SignedRpcRequest, SigningMoment } from './types';

const signers: Record<SignatureVersion, typeof signRpcV3> = { v1: signRpcV1, v3: signRpcV3 };

export function signRpcRequest(
	version: SignatureVersion,
	call: RpcCall,
	key: AccessKey,
	moment: SigningMoment,
): SignedRpcRequest {
	return signers[version](call, key, moment);
}
