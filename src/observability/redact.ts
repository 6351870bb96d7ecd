// Credentials out of what is logged or printed: the password of a URL (redis://:pw@host, mysql://u:pw@host) is
// replaced by ***, wherever such a URL sits in a text.
const USERINFO_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s/]*@/gi

export const redactUrl = (text: string): string => text.replace(USERINFO_PASSWORD, '$1:***@')
