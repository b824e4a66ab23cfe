// The profile-URL identity rules moved to lib/model (the contact model and the file formats need them,
// and both may import only lib/model). Kept for the importers outside lib/ that others are changing
// now (entrypoints/linkedin.content, lib/protocol/messages.ts); delete once they import lib/model.
export { isLinkedInHost, isMemberUrnId, isValidProfileId, profileIdFromUrl, profileUrl } from '../model/profile-url';
