package cards

import "encoding/binary"

// The Adler-32 of a zlib stream (RFC 1950), which the squeezer (deflate.go)
// keeps over the rows it is fed. hash/adler32 takes every byte one at a
// time, and a card's filtered rows are mostly zeros (a row of background
// under Up), which adler32 below takes eight at a time: that was about a
// tenth of a card's CPU.

const (
	adlerMod = 65521
	// adlerMax is the most bytes that can be added before s2 may
	// overflow 32 bits (zlib's NMAX), a multiple of 8.
	adlerMax = 5552
)

// adler32 is hash/adler32's update of sum by p, 32 or eight bytes at a
// glance when they are all zeros: a zero byte adds nothing to s1 and s1 to
// s2, so n of them add n·s1 to s2.
func adler32(sum uint32, p []byte) uint32 {
	s1, s2 := sum&0xffff, sum>>16
	for len(p) > 0 {
		q := p
		if len(q) > adlerMax {
			q = q[:adlerMax]
		}
		p = p[len(q):]
		for len(q) >= 32 {
			if binary.LittleEndian.Uint64(q)|binary.LittleEndian.Uint64(q[8:])|binary.LittleEndian.Uint64(q[16:])|binary.LittleEndian.Uint64(q[24:]) == 0 {
				s2 += 32 * s1
				q = q[32:]
				continue
			}
			s1, s2 = adler8(s1, s2, q[0:8])
			s1, s2 = adler8(s1, s2, q[8:16])
			s1, s2 = adler8(s1, s2, q[16:24])
			s1, s2 = adler8(s1, s2, q[24:32])
			q = q[32:]
		}
		for len(q) >= 8 {
			s1, s2 = adler8(s1, s2, q[:8])
			q = q[8:]
		}
		for _, b := range q {
			s1 += uint32(b)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	return s2<<16 | s1
}

// adler8 adds the eight bytes of q to the sums.
func adler8(s1, s2 uint32, q []byte) (uint32, uint32) {
	if binary.LittleEndian.Uint64(q) == 0 {
		return s1, s2 + 8*s1
	}
	q = q[:8]
	a, b, c, d := uint32(q[0]), uint32(q[1]), uint32(q[2]), uint32(q[3])
	e, f, g, h := uint32(q[4]), uint32(q[5]), uint32(q[6]), uint32(q[7])
	// byte k adds itself to s1 and, through s1, 8-k times to s2
	s2 += 8*s1 + 8*a + 7*b + 6*c + 5*d + 4*e + 3*f + 2*g + h
	s1 += a + b + c + d + e + f + g + h
	return s1, s2
}
