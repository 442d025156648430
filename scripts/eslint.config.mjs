import { devProfile } from '../eslint.dev.mjs';

export default devProfile;
