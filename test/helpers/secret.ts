// The token-signing secret of the processes tests start: gochat refuses the public default on real
// infrastructure, and `gochat up` would otherwise make a random one that a test (admin path) cannot know.
export const TEST_JWT_SECRET = 'gochat-test-secret-0123456789abcdefghijklmnop'
