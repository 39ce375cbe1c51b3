package java

import (
	"encoding/xml"
	"regexp"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// Manifests read Maven and Gradle builds; Kotlin shares them.
var Manifests = map[string]lang.Manifest{
	"pom.xml": pom, "build.gradle": gradle, "build.gradle.kts": gradle,
	"settings.gradle": gradleSettings, "settings.gradle.kts": gradleSettings,
}

// pom reads a Maven pom.xml: its dependencies' artifact IDs.
func pom(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	var p struct {
		Dependencies []struct {
			GroupID    string `xml:"groupId"`
			ArtifactID string `xml:"artifactId"`
		} `xml:"dependencies>dependency"`
		Managed []struct {
			ArtifactID string `xml:"artifactId"`
		} `xml:"dependencyManagement>dependencies>dependency"`
		Parent struct {
			ArtifactID string `xml:"artifactId"`
		} `xml:"parent"`
	}
	if err := xml.Unmarshal(src, &p); err != nil {
		return nil, nil
	}
	var deps []verify.Dependency
	add := func(artifact string) {
		if artifact != "" {
			deps = append(deps, verify.Dependency{Name: artifact, Site: lang.TextSite(src, "<artifactId>"+artifact+"</artifactId>")})
		}
	}
	add(p.Parent.ArtifactID)
	for _, d := range p.Dependencies {
		add(d.ArtifactID)
	}
	for _, d := range p.Managed {
		add(d.ArtifactID)
	}
	return nil, deps
}

// gradleDepRE finds "group:artifact:version" coordinates in a build
// script, in either DSL.
var gradleDepRE = regexp.MustCompile(`["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::[^"']*)?["']`)

func gradle(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	var deps []verify.Dependency
	for _, m := range gradleDepRE.FindAllSubmatchIndex(src, -1) {
		deps = append(deps, verify.Dependency{Name: string(src[m[4]:m[5]]), Site: lang.SiteAt(src, m[4])})
	}
	return nil, deps
}

var rootNameRE = regexp.MustCompile(`rootProject\.name\s*=\s*["']([^"']+)["']`)

// gradleSettings names the build's program: rootProject.name.
func gradleSettings(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	m := rootNameRE.FindSubmatchIndex(src)
	if m == nil {
		return nil, nil
	}
	return []verify.Program{{Name: string(src[m[2]:m[3]]), Site: lang.SiteAt(src, m[2]), Via: "settings.gradle rootProject.name"}}, nil
}
