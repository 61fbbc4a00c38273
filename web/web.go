// Package web holds rasid's page: index.html, its script and style, and
// the chart libraries it uses (vendor/: ECharts and Cytoscape.js, from
// npm, with their licences), embedded so that the binary serves the page
// offline, with no CDN and no build step.
package web

import (
	"embed"
	"io/fs"
)

//go:embed index.html app.js app.css favicon.svg vendor
var files embed.FS

// Assets returns the page's files, rooted at the page: index.html,
// app.js, app.css, favicon.svg, vendor/echarts.min.js,
// vendor/cytoscape.min.js and the libraries' licences.
func Assets() fs.FS { return files }
