package cameo_test

import (
	"fmt"

	"rasid/cameo"
)

func Example() {
	book := cameo.Default()
	for _, code := range []string{"041", "040", "195", "0419"} {
		c, _ := book.Lookup(code)
		fmt.Printf("%s -> %s %q root %s goldstein %.1f quad %d %s/%s\n",
			code, c.Code, c.Name, c.Root, c.Goldstein, c.QuadClass, c.Plover, c.PloverMode)
	}
	fmt.Println(cameo.RootOf("0874"), len(book.Roots()))
	// Output:
	// 041 -> 041 "Discuss by telephone" root 04 goldstein 1.0 quad 1 CONSULT/phone
	// 040 -> 040 "Consult, not specified below" root 04 goldstein 1.0 quad 1 CONSULT/
	// 195 -> 195 "Employ aerial weapons" root 19 goldstein -10.0 quad 4 ASSAULT/heavy-weapons
	// 0419 -> 041 "Discuss by telephone" root 04 goldstein 1.0 quad 1 CONSULT/phone
	// 08 20
}
