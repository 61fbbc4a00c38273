package coder
import ("testing";"fmt";"os";"bufio";"encoding/json";"time";"rasid/lexicon";"rasid/cameo";"rasid/timex")
func TestDbgAll(t *testing.T){
 if os.Getenv("DBGALL")=="" {t.Skip()}
 lx,_:=lexicon.Default(); c:=New(lx,cameo.Default(),timex.New())
 f,_:=os.Open("../../shared/eval/dev.jsonl"); sc:=bufio.NewScanner(f); sc.Buffer(nil,1<<20)
 out,_:=os.Create("/tmp/trigs.txt")
 for sc.Scan(){ var it struct{ID,Published,Text string}; json.Unmarshal(sc.Bytes(),&it)
  p,_:=time.Parse("2006-01-02",it.Published); a:=c.analyse(it.Text,p)
  trigs:=c.triggers(a)
  for k,tr:=range trigs{ L,R:=clause(a,trigs,k); s,g:=parties(a,tr,L,R); fmt.Fprintf(out,"%s %s %q blocked=%v gov=%v src=%v tgt=%v\n",it.ID,tr.Phrase.Code,it.Text[a.d.Tokens[tr.Start].Start:a.d.Tokens[tr.End-1].End],c.blocked(a,tr),governed(a,trigs,k),s,g)}
 }
}
