"""Routes Collab.Domain's Refuse.Input/Unknown/Denied/Violation/Refusal(...) and ShareLink.LinkRefusal(...) calls through
CollabRefusals (issue 34): one method per refusal. Generates src/Collab.Domain/Common/CollabRefusals.cs and rewrites the call
sites. Re-runnable after a merge: methods already in CollabRefusals.cs are kept (matched by code and kind)."""
import re, os, sys, collections, html, xml.etree.ElementTree as ET
repo=sys.argv[1] if len(sys.argv)>1 else '.'
root=os.path.join(repo,'src/Collab.Domain')
pat=re.compile(r'(?<![\w])(?:Collab\.)?(Refuse\.(Input|Unknown|Denied|Violation|Refusal)|(?:ShareLink\.)?LinkRefusal)\(')
KIND={'Input':'InvalidInput','Unknown':'NotFound','Denied':'Forbidden','Violation':'RuleViolation'}
KEYWORDS=set('abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while'.split())
def parse_call(s, i):
    depth=0; j=i; args=[]; cur=''
    while True:
        c=s[j]
        if c=='"':
            k=j+1
            while s[k]!='"' or s[k-1]=='\\': k+=1
            cur+=s[j:k+1]; j=k+1; continue
        if c=="'":
            k=j+1
            while s[k]!="'" or s[k-1]=='\\': k+=1
            cur+=s[j:k+1]; j=k+1; continue
        if c in '([{':
            depth+=1
            if depth==1: j+=1; continue
        elif c in ')]}':
            depth-=1
            if depth==0:
                if cur.strip(): args.append(cur.strip())
                return j+1, args
        elif c==',' and depth==1:
            args.append(cur.strip()); cur=''; j+=1; continue
        cur+=c; j+=1
english={}
for d in ET.parse(os.path.join(root,'Texts/CollabTexts.resx')).getroot().iter('data'):
    english[d.get('name')]=d.find('value').text or ''
CONSTS={'RefusedCode':'"access.refused"'}
calls=[]
for dp,dn,fn in os.walk(root):
    if '/obj' in dp or '/bin' in dp: continue
    for f in sorted(fn):
        if not f.endswith('.cs') or f=='CollabRefusals.cs' or f=='Refuse.cs': continue
        p=os.path.join(dp,f); s=open(p).read()
        for m in pat.finditer(s):
            end,args=parse_call(s,m.end()-1)
            if m.group(1).endswith('LinkRefusal'):
                if args==['string code'] or args[0]=='code': continue  # the helper's own definition
                kind,code,rule,vals='RuleViolation',args[0],'"SHARE-1"',[]
            else:
                meth=m.group(2)
                if meth=='Refusal':
                    kind=args[0].replace('RefusalKind.',''); args=args[1:]
                else: kind=KIND[meth]
                code,rule,vals=CONSTS.get(args[0],args[0]),args[1],args[2:]
            if not code.startswith('"'): sys.exit(f'{p}: code not a literal: {s[m.start():end]}')
            calls.append(dict(file=p,start=m.start(),end=end,refusal=m.group(2)=='Refusal',kind=kind,code=code.strip('"'),rule=rule,vals=vals))
def pascal(code): return ''.join(w[:1].upper()+w[1:] for w in re.split(r'[.\-]',code) if w)
def pname(expr, i, used):
    e=re.sub(r'\.(Value|ToString\(\))$','',expr.strip())
    e=re.sub(r'\.(Count|Length)$',r'\1',e)
    m=re.fullmatch(r'(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)',e.replace('.Count','Count').replace('.Length','Length'))
    n=None
    if m:
        n=m.group(1)
        n=n[0].lower()+n[1:]
        if n in ('value','id') and '.' in e: parts=e.split('.'); n=parts[-2][0].lower()+parts[-2][1:]+n.capitalize()
    if not n or n in KEYWORDS or n in used or n in ('rule','code'): n=f'value{i+1}'
    used.add(n); return n
groups=collections.OrderedDict()
for c in calls: groups.setdefault((c['code'],c['kind']),[]).append(c)
bycode=collections.Counter(code for code,_ in groups)
methods={}
for (code,kind),cs in groups.items():
    name=pascal(code)+('' if bycode[code]==1 else {'Forbidden':'Denied','RuleViolation':'','NotFound':'Unknown','InvalidInput':'Input'}[kind])
    rules={c['rule'] for c in cs}; n=len(cs[0]['vals'])
    if any(len(c['vals'])!=n for c in cs): sys.exit(f'{code}: argument counts differ')
    ruleparam=len(rules)>1 or not (cs[0]['rule']=='null' or cs[0]['rule'].startswith('"'))
    used=set(); params=[pname(v,i,used) for i,v in enumerate(cs[0]['vals'])]
    assert name not in [m['name'] for m in methods.values()], name
    methods[(code,kind)]=dict(name=name,code=code,kind=kind,rule=None if ruleparam else cs[0]['rule'],params=params,rules=sorted(rules))
# generate
def doc(t): return html.escape(t, quote=False)
out=[]
for key in sorted(methods, key=lambda k:(k[0],k[1])):
    m=methods[key]
    ps=(['string? rule'] if m['rule'] is None else [])+[f'object? {p}' for p in m['params']]
    args=', '.join(m['params'])
    rule='rule' if m['rule'] is None else m['rule']
    text=english.get(m['code'],'')
    out.append(f'    /// <summary><c>{m["code"]}</c> ({m["kind"]}{", " + m["rule"].strip(chr(34)) if m["rule"] not in (None,"null") else ""}): {doc(text)}</summary>')
    out.append(f'    internal static CollabRefusalException {m["name"]}({", ".join(ps)}) =>')
    out.append(f'        Make(RefusalKind.{m["kind"]}, "{m["code"]}", {rule}{", " + args if args else ""});')
    out.append('')
body='\n'.join(out).rstrip()+'\n'
header='''using Collab.Texts;

namespace Collab;

/// <summary>
/// Every refusal Collab throws with a fixed code, one method each (issue 34; ASP.NET Core Identity's
/// <c>IdentityErrorDescriber</c> way): the kind, the code, the DOMAIN rule and the values its text names. The words come
/// from the text catalogue by the code (TXT-1): the English text is <see cref="Refusal.Reason"/>, and the values travel
/// with the refusal so a host shows it in any language. A test walks these methods by reflection: every code has its text
/// in Dutch and English with the placeholders the method's values fill, and no code is used twice. Refusals whose code is
/// built from its context (<c>{what}.not-found</c>, <c>{field}.required</c>, a state machine's triggers) stay with
/// <see cref="Refuse"/>. Internal on purpose: a vendor changes what a refusal says through the texts (TXT-1), and switches
/// on the code, which stays (docs/decisions.md).
/// </summary>
/// <remarks>Generated once by <c>.ci/route-refusals.py</c>, kept by hand since; one method's code stays on one line.</remarks>
internal static class CollabRefusals
{
    /// <summary>The one place a refusal with a fixed code is built.</summary>
    private static CollabRefusalException Make(RefusalKind kind, string code, string? rule, params object?[] arguments) =>
        new(Refuse.Keyed(kind, code, null, rule, arguments));

'''
open(os.path.join(root,'Common/CollabRefusals.cs'),'w').write(header+body+'}\n')
# rewrite call sites, from the end of each file
byfile=collections.defaultdict(list)
for c in calls: byfile[c['file']].append(c)
for p,cs in byfile.items():
    s=open(p).read()
    for c in sorted(cs,key=lambda c:-c['start']):
        m=methods[(c['code'],c['kind'])]
        args=([c['rule']] if m['rule'] is None else [])+c['vals']
        new=f'CollabRefusals.{m["name"]}({", ".join(args)})'+('.Refusal' if c['refusal'] else '')
        s=s[:c['start']]+new+s[c['end']:]
    open(p,'w').write(s)
print(len(calls),'calls,',len(methods),'methods')
