package index

// words calls fn with every identifier-like word of src ([A-Za-z0-9_],
// not starting with a digit) and its byte offset, until fn returns false.
func words(src []byte, fn func(w []byte, off int) bool) {
	i := 0
	for i < len(src) {
		c := src[i]
		if !isWordStart(c) {
			i++
			continue
		}
		start := i
		for i < len(src) && isWord(src[i]) {
			i++
		}
		if start > 0 && isWord(src[start-1]) {
			continue // the tail of a word that began with a digit
		}
		if !fn(src[start:i], start) {
			return
		}
	}
}

// tokens calls fn with every name-like token of src: runs of
// [A-Za-z0-9_.-], trimmed of leading dashes and dots and of trailing dots
// and dashes, so that --dry-run gives dry-run and process.env.X. gives
// process.env.X.
func tokens(src []byte, fn func(t []byte, off int)) {
	i := 0
	for i < len(src) {
		if !isToken(src[i]) {
			i++
			continue
		}
		start := i
		for i < len(src) && isToken(src[i]) {
			i++
		}
		s, e := start, i
		for s < e && (src[s] == '-' || src[s] == '.') {
			s++
		}
		for e > s && (src[e-1] == '.' || src[e-1] == '-') {
			e--
		}
		if s < e {
			fn(src[s:e], s)
		}
	}
}

func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isWord(c byte) bool { return isWordStart(c) || c >= '0' && c <= '9' }

func isToken(c byte) bool { return isWord(c) || c == '-' || c == '.' }
