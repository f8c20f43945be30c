/** How a share link's fragment starts; alone here so start-up can test for it without fflate. */
export const SHARE_PREFIX = '#x=';
