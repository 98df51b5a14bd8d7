// The project's own XSS corpus: every vector, if it runs, calls one of alert/confirm/prompt/print
// with its number, so a browser test can hook those four and tell exactly which vector fired.
// Generated from families (handlers × elements, URL sinks × encodings) plus hand-written mutation,
// namespace-confusion, clobbering and broken-markup cases. Written for this project.

export type VectorKind =
  | 'script'
  | 'handler'
  | 'url'
  | 'svg'
  | 'mathml'
  | 'mxss'
  | 'clobbering'
  | 'broken-markup'
  | 'css'
  | 'meta-base'
  | 'embedding'

export type XssVector = {
  /** 1-based and stable within one version of this file; the payload calls `hook(id)`. */
  id: number
  kind: VectorKind
  html: string
}

/** The functions a payload calls; a browser test hooks all four. */
export const HOOKED = ['alert', 'confirm', 'prompt', 'print'] as const

type Make = (payload: string) => string

// Elements that fire an event with no user action (or one the test performs: click, focus, hover).
const HANDLER_HOSTS: Make[] = [
  (p) => `<img src=x onerror=${p}>`,
  (p) => `<img src="x" onerror="${p}">`,
  (p) => `<IMG SRC=x ONERROR=${p}>`,
  (p) => `<img/src=x/onerror=${p}>`,
  (p) => `<img src=x onerror=${p}//`,
  (p) => `<image src=x onerror=${p}>`,
  (p) => `<svg onload=${p}>`,
  (p) => `<svg/onload=${p}>`,
  (p) => `<body onload=${p}>`,
  (p) => `<body onpageshow=${p}>`,
  (p) => `<input autofocus onfocus=${p}>`,
  (p) => `<textarea autofocus onfocus=${p}></textarea>`,
  (p) => `<select autofocus onfocus=${p}></select>`,
  (p) => `<button autofocus onfocus=${p}>x</button>`,
  (p) => `<div tabindex=1 autofocus onfocus=${p}>x</div>`,
  (p) => `<a href=# autofocus onfocus=${p}>x</a>`,
  (p) => `<details open ontoggle=${p}>x</details>`,
  (p) => `<details ontoggle=${p} open><summary>x</summary></details>`,
  (p) => `<video src=x onerror=${p}></video>`,
  (p) => `<video><source src=x onerror=${p}></video>`,
  (p) => `<audio src=x onerror=${p}></audio>`,
  (p) => `<audio><source onerror=${p} src=x></audio>`,
  (p) => `<object data=x onerror=${p}></object>`,
  (p) => `<iframe onload=${p}></iframe>`,
  (p) => `<iframe src=x onload=${p}></iframe>`,
  (p) => `<marquee onstart=${p}>x</marquee>`,
  (p) => `<a onclick=${p}>click</a>`,
  (p) => `<a onmouseover=${p}>hover</a>`,
  (p) => `<p onclick="${p}">x</p>`,
  (p) => `<div onpointerover=${p}>x</div>`,
  (p) => `<span onmouseenter=${p}>x</span>`,
  (p) => `<blockquote oncopy=${p}>x</blockquote>`,
  (p) => `<strong onfocusin=${p} tabindex=0 autofocus>x</strong>`,
  (p) => `<table background=x onerror=${p}><tr><td onclick=${p}>x</td></tr></table>`,
  (p) => `<center onclick=${p}>x</center>`,
  (p) => `<x onclick=${p}>custom</x>`,
  (p) => `<x-foo onclick=${p}>custom</x-foo>`,
  (p) => `<style onload=${p}></style>`,
  (p) => `<link rel=stylesheet href=x onerror=${p}>`,
  (p) => `<div popover id=pp onbeforetoggle=${p}>x</div><button popovertarget=pp>x</button>`,
  (p) => `<form><input type=image src=x onerror=${p}></form>`,
  (p) => `<picture><source srcset=x><img src=x onerror=${p}></picture>`,
  (p) => `<img srcset=",,,,,x" onerror=${p}>`,
  (p) => `<img src=x onerror="&#${p.charCodeAt(0)};${p.slice(1)}">`,
  (p) => `<img src=x onerror=\`${p}\`>`,
  (p) => `<img src=x onerror&#x3d;${p}>`,
  (p) => `<img src=x oNeRrOr=${p}>`,
  (p) => `<img src=x onerror = ${p} >`,
  (p) => `<img src=x\nonerror=${p}>`,
  (p) => `<img src=x\tonerror=${p}>`,
  (p) => `<img src=x onerror="javascript:${p}">`,
  (p) =>
    `<img src=x onerror="window['${p.split('(')[0] ?? ''}'](${p.split('(')[1]?.slice(0, -1) ?? ''})">`,
  (p) => `<img src=x onerror="setTimeout('${p}')">`,
  (p) => `<img src=x onerror="eval('${p}')">`,
  (p) => `<img src=x onerror="new Function('${p}')()">`,
  (p) =>
    `<img src=x onerror="top['${p.split('(')[0] ?? ''}'](${p.split('(')[1]?.slice(0, -1) ?? ''})">`,
  (p) => `<div onanimationstart=${p} style="animation:spin 1s">x</div>`,
  (p) => `<div ontransitionend=${p} style="transition:all 0s">x</div>`,
  (p) =>
    `<dialog open onclose=${p}><form method=dialog><button autofocus>x</button></form></dialog>`,
  (p) => `<video poster=javascript:${p} controls></video>`,
]

/** URL-bearing sinks; `u` is the attribute value. */
const URL_SINKS: Make[] = [
  (u) => `<a href="${u}">link</a>`,
  (u) => `<area href="${u}" shape=default>`,
  (u) => `<iframe src="${u}"></iframe>`,
  (u) => `<embed src="${u}">`,
  (u) => `<object data="${u}"></object>`,
  (u) => `<form action="${u}"><button>go</button></form>`,
  (u) => `<button form=f formaction="${u}">go</button><form id=f></form>`,
  (u) => `<svg><a xlink:href="${u}"><text x=10 y=20>x</text></a></svg>`,
  (u) => `<math><mi href="${u}">x</mi></math>`,
  (u) => `<img src="${u}">`,
]

/** The same `javascript:` (or other scheme) URL written the many ways a browser still reads. */
const URL_ENCODINGS: Array<(p: string) => string> = [
  (p) => `javascript:${p}`,
  (p) => `JaVaScRiPt:${p}`,
  (p) => ` \t\njavascript:${p}`,
  (p) => `java\tscript:${p}`,
  (p) => `java&#x09;script:${p}`,
  (p) => `java&#10;script:${p}`,
  (p) => `&#x01;javascript:${p}`,
  (p) => `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${p}`,
  (p) => `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${p}`,
  (p) => `&#0000106&#0000097vascript:${p}`,
  (p) => `javascript&colon;${p}`,
  (p) => `javascript&#58${p}`,
  (p) => `javascript://%0a${encodeURIComponent(p)}`,
  (p) => `javascript:${encodeURIComponent(p)}`,
  (p) => `data:text/html,<script>${p}</script>`,
  (p) => `data:text/html;base64,${Buffer.from(`<script>${p}</script>`).toString('base64')}`,
  (p) => `data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${p}'/>`,
  (p) => `vbscript:msgbox(${p.replace(/\D/g, '')})`,
]

const HAND_WRITTEN: Array<[VectorKind, Make]> = [
  // <script> in every spelling
  ['script', (p) => `<script>${p}</script>`],
  ['script', (p) => `<SCRIPT>${p}</SCRIPT>`],
  ['script', (p) => `<script type=module>${p}</script>`],
  ['script', (p) => `<script src="data:text/javascript,${p}"></script>`],
  ['script', (p) => `<script/x>${p}</script>`],
  ['script', (p) => `<scr<script>ipt>${p}</scr</script>ipt>`],
  ['script', (p) => `<<script>${p};//<</script>`],
  ['script', (p) => `<script>/*</script><script>*/${p}</script>`],
  ['script', (p) => `<script\n>${p}</script\n>`],
  ['script', (p) => `<script>${p}</script `],
  ['script', (p) => `<scr\u0000ipt>${p}</scr\u0000ipt>`],
  ['script', (p) => `<script src=//127.0.0.1:1/x.js onerror=${p}></script>`],
  ['script', (p) => `<svg><script>${p}</script></svg>`],
  ['script', (p) => `<svg><script href="data:,${p}"/></svg>`],
  ['script', (p) => `<svg><script xlink:href="data:,${p}"></script></svg>`],
  ['script', (p) => `<math><script>${p}</script></math>`],
  // SVG
  ['svg', (p) => `<svg><animate onbegin=${p} attributeName=x dur=1s>`],
  ['svg', (p) => `<svg><set onbegin=${p} attributeName=x to=1>`],
  [
    'svg',
    (p) =>
      `<svg><a><animate attributeName=href values=javascript:${p} /><text x=20 y=20>x</text></a></svg>`,
  ],
  ['svg', (p) => `<svg><a><set attributeName=href to="javascript:${p}"/><text>x</text></a></svg>`],
  ['svg', (p) => `<svg><image href=x onerror=${p} /></svg>`],
  ['svg', (p) => `<svg><foreignObject><img src=x onerror=${p}></foreignObject></svg>`],
  [
    'svg',
    (p) => `<svg><foreignObject><iframe srcdoc="<script>${p}</script>"></foreignObject></svg>`,
  ],
  [
    'svg',
    (p) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${p}'/></svg>#x"/></svg>`,
  ],
  ['svg', (p) => `<svg><discard onbegin=${p}>`],
  [
    'svg',
    (p) =>
      `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${p}</handler></svg>`,
  ],
  [
    'svg',
    (p) => `<svg><style>@import url(x);</style><rect onmouseover=${p} width=9 height=9 /></svg>`,
  ],
  ['svg', (p) => `<svg><feImage href=x onerror=${p} /></svg>`],
  ['svg', (p) => `<svg><title><img src=x onerror=${p}></title></svg>`],
  ['svg', (p) => `<svg><![CDATA[><img src=x onerror=${p}>]]></svg>`],
  ['svg', (p) => `<svg><desc><![CDATA[</desc><script>${p}</script>]]></svg>`],
  // MathML
  ['mathml', (p) => `<math href="javascript:${p}"><mi>x</mi></math>`],
  [
    'mathml',
    (p) => `<math><maction actiontype=statusline xlink:href="javascript:${p}">x</maction></math>`,
  ],
  ['mathml', (p) => `<math><mtext><table><mglyph><style><img src=x onerror=${p}>`],
  [
    'mathml',
    (p) =>
      `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=${p}>"></style></h1>`,
  ],
  ['mathml', (p) => `<math><mi xlink:href="data:x,<script>${p}</script>">x</mi></math>`],
  [
    'mathml',
    (p) =>
      `<math><annotation-xml encoding="text/html"><img src=x onerror=${p}></annotation-xml></math>`,
  ],
  [
    'mathml',
    (p) =>
      `<math><annotation-xml encoding="application/xhtml+xml"><style><img src=x onerror=${p}></style></annotation-xml></math>`,
  ],
  ['mathml', (p) => `<math><mglyph><style><img src=x onerror=${p}></style></mglyph></math>`],
  ['mathml', (p) => `<math><malignmark><style><img src=x onerror=${p}>`],
  // Mutation XSS: text that reparses as markup
  ['mxss', (p) => `<noscript><p title="</noscript><img src=x onerror=${p}>"></noscript>`],
  ['mxss', (p) => `<noscript><style></noscript><img src=x onerror=${p}></style></noscript>`],
  ['mxss', (p) => `<style><img src=x onerror=${p}></style>`],
  ['mxss', (p) => `<svg></p><style><a id="</style><img src=1 onerror=${p}>">`],
  ['mxss', (p) => `<svg><p><style><img src=x onerror=${p}></style></p></svg>`],
  ['mxss', (p) => `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${p}>`],
  ['mxss', (p) => `<textarea></textarea><img src=x onerror=${p}>`],
  ['mxss', (p) => `<textarea><img title="</textarea><img src=x onerror=${p}>"></textarea>`],
  ['mxss', (p) => `<title><img title="</title><img src=x onerror=${p}>"></title>`],
  ['mxss', (p) => `<xmp><img title="</xmp><img src=x onerror=${p}>"></xmp>`],
  ['mxss', (p) => `<iframe><img title="</iframe><img src=x onerror=${p}>"></iframe>`],
  ['mxss', (p) => `<noembed><img title="</noembed><img src=x onerror=${p}>"></noembed>`],
  ['mxss', (p) => `<noframes><img title="</noframes><img src=x onerror=${p}>"></noframes>`],
  ['mxss', (p) => `<plaintext><img src=x onerror=${p}>`],
  ['mxss', (p) => `<template><img src=x onerror=${p}></template>`],
  ['mxss', (p) => `<!--><img src=x onerror=${p}>-->`],
  ['mxss', (p) => `<!--<img src="--><img src=x onerror=${p}//">`],
  ['mxss', (p) => `<![CDATA[<img src=x onerror=${p}>]]>`],
  ['mxss', (p) => `<?xml-stylesheet ?><img src=x onerror=${p}>`],
  ['mxss', (p) => `<a title="&lt;img src=x onerror=${p}&gt;">x</a>`],
  ['mxss', (p) => `<a href="x" title="--><img src=x onerror=${p}>">x</a>`],
  ['mxss', (p) => `<select><template><img src=x onerror=${p}></template></select>`],
  ['mxss', (p) => `<table><svg><img src=x onerror=${p}></svg></table>`],
  ['mxss', (p) => `<table><tr><td><svg><foreignobject><style><img src=x onerror=${p}>`],
  ['mxss', (p) => `<div id="</div><img src=x onerror=${p}>"></div>`],
  ['mxss', (p) => `<svg><style><img src=x onerror=${p}></style></svg>`],
  ['mxss', (p) => `<svg><noscript><img src=x onerror=${p}></noscript></svg>`],
  ['mxss', (p) => `<math><style><img src=x onerror=${p}></style></math>`],
  ['mxss', (p) => `<svg><math><mi><style><img src=x onerror=${p}></style></mi></math></svg>`],
  ['mxss', (p) => `<svg><iframe><img src=x onerror=${p}></iframe></svg>`],
  ['mxss', (p) => `<p id="x\`><img src=x onerror=${p}>\`">x</p>`],
  // DOM clobbering: named elements that would shadow globals, plus a handler to prove sanitizing
  ['clobbering', (p) => `<img name=getElementById src=x onerror=${p}>`],
  ['clobbering', (p) => `<form id=location><input name=href value="javascript:${p}"></form>`],
  [
    'clobbering',
    (p) => `<a id=config href="javascript:${p}">x</a><a id=config name=url href=cid:x>y</a>`,
  ],
  ['clobbering', (p) => `<form name=body><img name=appendChild src=x onerror=${p}></form>`],
  ['clobbering', (p) => `<img name=cookie><img id=defaultView src=x onerror=${p}>`],
  [
    'clobbering',
    (p) => `<form id=f><input name=attributes><input name=nodeName></form><img src=x onerror=${p}>`,
  ],
  ['clobbering', (p) => `<iframe name=alert srcdoc="<script>parent.${p}</script>"></iframe>`],
  ['clobbering', (p) => `<a id=__proto__ href="javascript:${p}">x</a>`],
  ['clobbering', (p) => `<embed name=querySelector src="javascript:${p}">`],
  ['clobbering', (p) => `<object name=scripts data="javascript:${p}"></object>`],
  [
    'clobbering',
    (p) => `<form id=test><button name=submit formaction="javascript:${p}">x</button></form>`,
  ],
  ['clobbering', (p) => `<a id=root name=hash href="javascript:${p}">x</a><div id=root>y</div>`],
  // Broken markup
  ['broken-markup', (p) => `<img src=x onerror=${p}`],
  ['broken-markup', (p) => `<img """><script>${p}</script>">`],
  ['broken-markup', (p) => `<img src="x" onerror="${p}" title="`],
  ['broken-markup', (p) => `<a href="javascript:${p}"`],
  ['broken-markup', (p) => `<p><img src=x onerror=${p}></div></span></p></p>`],
  ['broken-markup', (p) => `</p></div><img src=x onerror=${p}>`],
  ['broken-markup', (p) => `<img src=x o\u0000nerror=${p}>`],
  ['broken-markup', (p) => `<img src=x on\u200berror=${p}>`],
  ['broken-markup', (p) => `<img src= onerror=${p} ""x>`],
  ['broken-markup', (p) => `<<img src=x onerror=${p}>>`],
  ['broken-markup', (p) => `<img src=x onerror=${p} <p>`],
  ['broken-markup', (p) => `<a><b><i><img src=x onerror=${p}></a></b></i>`],
  ['broken-markup', (p) => `<table><img src=x onerror=${p}><tr><td>x`],
  ['broken-markup', (p) => `<ul><li><img src=x onerror=${p}><li></ul></ol>`],
  ['broken-markup', (p) => `<!DOCTYPE html><html><head><script>${p}</script></head><body>x`],
  ['broken-markup', (p) => `<head><base href=javascript:${p}//></head><a href=x>x</a>`],
  ['broken-markup', (p) => `<frameset onload=${p}>`],
  ['broken-markup', (p) => `<img src=x onerror=${p}>\u0000`],
  ['broken-markup', (p) => `<isindex type=image src=1 onerror=${p}>`],
  ['broken-markup', (p) => `<img src=x:x onerror=${p}/>`],
  // CSS
  ['css', (p) => `<div style="background:url(javascript:${p})">x</div>`],
  ['css', (p) => `<div style="width:expression(${p})">x</div>`],
  ['css', (p) => `<style>@import 'javascript:${p}';</style>`],
  ['css', (p) => `<style>body{background:url("javascript:${p}")}</style>`],
  ['css', (p) => `<div style="behavior:url(x.htc);-moz-binding:url(javascript:${p})">x</div>`],
  ['css', (p) => `<link rel=stylesheet href="javascript:${p}">`],
  [
    'css',
    (p) => `<link rel=stylesheet href="data:text/css,body{background:url(javascript:${p})}">`,
  ],
  ['css', (p) => `<div style="x:\\65 xpression(${p})">x</div>`],
  ['css', (p) => `<style>*{}</style><img src=x style="display:block" onerror=${p}>`],
  // meta refresh and base href
  ['meta-base', (p) => `<meta http-equiv=refresh content="0;url=javascript:${p}">`],
  [
    'meta-base',
    (p) => `<meta http-equiv="refresh" content="0; url=data:text/html,<script>${p}</script>">`,
  ],
  ['meta-base', (p) => `<meta charset="x-imap4-modified-utf7"><img src=x onerror=${p}>`],
  ['meta-base', (p) => `<base href="javascript:${p}//"><a href=x>x</a>`],
  ['meta-base', (p) => `<base target=_top href=//127.0.0.1:1/><a href=x onclick=${p}>x</a>`],
  [
    'meta-base',
    (p) =>
      `<meta http-equiv=Content-Security-Policy content="script-src 'unsafe-inline'"><img src=x onerror=${p}>`,
  ],
  ['meta-base', (p) => `<meta http-equiv=set-cookie content="x=1"><img src=x onerror=${p}>`],
  ['meta-base', (p) => `<link rel=import href="data:text/html,<script>${p}</script>">`],
  // Embedded documents
  ['embedding', (p) => `<iframe srcdoc="<script>parent.${p}</script>"></iframe>`],
  ['embedding', (p) => `<iframe srcdoc="&lt;img src=x onerror=parent.${p}&gt;"></iframe>`],
  ['embedding', (p) => `<iframe src="javascript:parent.${p}"></iframe>`],
  ['embedding', (p) => `<iframe src=data:text/html,<script>parent.${p}</script>></iframe>`],
  ['embedding', (p) => `<object data="data:text/html,<script>parent.${p}</script>"></object>`],
  ['embedding', (p) => `<embed src="data:text/html,<script>parent.${p}</script>">`],
  ['embedding', (p) => `<template><script>${p}</script></template>`],
  ['embedding', (p) => `<template shadowrootmode=open><img src=x onerror=${p}></template>`],
  [
    'embedding',
    (p) =>
      `<div><template shadowrootmode=open><slot></slot><img src=x onerror=${p}></template></div>`,
  ],
  ['embedding', (p) => `<portal src="javascript:${p}"></portal>`],
  ['embedding', (p) => `<frame src="javascript:${p}">`],
  ['embedding', (p) => `<img srcset="javascript:${p} 1x">`],
  ['embedding', (p) => `<picture><source srcset="javascript:${p}"><img src=x></picture>`],
  ['embedding', (p) => `<input type=image formaction="javascript:${p}" src=x>`],
  ['embedding', (p) => `<form><button formaction="javascript:${p}">x</button></form>`],
  ['embedding', (p) => `<svg><a xlink:href="javascript:${p}"><rect width=9 height=9 /></a></svg>`],
  ['embedding', (p) => `<a href="javascript:${p}" target=_self>x</a>`],
  ['embedding', (p) => `<a ping="javascript:${p}" href=#>x</a>`],
  [
    'embedding',
    (p) => `<img src=x usemap=#m><map name=m><area href="javascript:${p}" shape=default></map>`,
  ],
]

function payload(id: number): string {
  return `${HOOKED[id % HOOKED.length] ?? 'alert'}(${id})`
}

/** The full corpus, numbered from 1 in a fixed order. */
export function xssVectors(): XssVector[] {
  const makers: Array<[VectorKind, Make]> = [
    ...HAND_WRITTEN.filter(([k]) => k === 'script'),
    ...HANDLER_HOSTS.map((m): [VectorKind, Make] => ['handler', m]),
    ...URL_SINKS.flatMap((sink) =>
      URL_ENCODINGS.map((enc): [VectorKind, Make] => ['url', (p) => sink(enc(p))]),
    ),
    ...HAND_WRITTEN.filter(([k]) => k !== 'script'),
  ]
  return makers.map(([kind, make], i) => ({ id: i + 1, kind, html: make(payload(i + 1)) }))
}

/** What must never be left in sanitized HTML (checked on the serialized markup and the DOM). */
export const DANGEROUS = {
  /** An event-handler attribute. */
  handlerAttr: /^on/i,
  /** A URL that runs script or smuggles a document. */
  scriptUrl: /^\s*(javascript|vbscript|data):/i,
  tags: ['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'style', 'form'],
} as const

/**
 * Everything dangerous left under `root`: on* attributes, script or data URLs and script-bearing
 * tags; `strict` (an article body) adds styles, SVG/MathML, forms and ids or names that could
 * clobber globals. Self-contained (no outside names), so a browser test can pass it to
 * `page.evaluate` as it is.
 */
export function dangerousIn(root: Element | null, strict: boolean): string[] {
  if (!root) return ['(no element to check)']
  // Tags that load or run something, anywhere; and, in an article body, tags the policy drops.
  const scriptTags = ['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'portal']
  const bodyTags = ['meta', 'link', 'style', 'form', 'template', 'svg', 'math', 'noscript']
  // Attributes a browser reads as a URL (text attributes such as title may say anything).
  const urlAttrs = [
    'href',
    'src',
    'srcset',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'cite',
    'longdesc',
    'ping',
    'content',
  ]
  const found: string[] = []
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName
    if (scriptTags.includes(tag) || (strict && bodyTags.includes(tag))) found.push(`<${tag}>`)
    for (const a of Array.from(el.attributes)) {
      // eslint-disable-next-line no-control-regex -- browsers ignore controls inside a URL scheme
      const value = a.value.replace(/[\u0000-\u0020]/g, '')
      if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}>`)
      else if (urlAttrs.includes(a.name) && /(^|,)(javascript|vbscript|data):/i.test(value))
        found.push(`<${tag} ${a.name}=${value}>`)
      else if (strict && a.name === 'style') found.push(`<${tag} style>`)
      else if (
        strict &&
        (a.name === 'id' || a.name === 'name') &&
        !a.value.startsWith('user-content-')
      )
        found.push(`<${tag} ${a.name}=${a.value}> (clobbering)`)
    }
  }
  return found
}
