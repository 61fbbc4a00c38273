package coder
import ("testing";"fmt";"os";"bufio";"encoding/json";"time";"rasid/lexicon";"rasid/cameo";"rasid/timex")
func TestDbg(t *testing.T){
 lx,_:=lexicon.Default(); c:=New(lx,cameo.Default(),timex.New())
 f,_:=os.Open("../../shared/eval/dev.jsonl"); sc:=bufio.NewScanner(f); sc.Buffer(nil,1<<20)
 want:=os.Getenv("ID")
 for sc.Scan(){ var it struct{ID,Published,Text string}; json.Unmarshal(sc.Bytes(),&it); if it.ID!=want {continue}
  p,_:=time.Parse("2006-01-02",it.Published); a:=c.analyse(it.Text,p)
  for _,m:=range a.mentions{fmt.Printf("M %q %s %s place=%v tok[%d,%d)\n",m.Text,m.Code,m.Role,m.Place,m.Tok0,m.Tok1)}
  for _,tm:=range a.times{fmt.Printf("T %q %s tok[%d,%d)\n",tm.expr.Text,tm.expr.Date,tm.tok0,tm.tok1)}
  trigs:=c.triggers(a)
  for k,tr:=range trigs{ L,R:=clause(a,trigs,k); s,g:=parties(a,tr,L,R); fmt.Printf("TR %s %q tok[%d,%d) sent=%d blocked=%v gov=%v clause[%d,%d) src=%v tgt=%v\n",tr.Phrase.Code,it.Text[a.d.Tokens[tr.Start].Start:a.d.Tokens[tr.End-1].End],tr.Start,tr.End,tr.sent,c.blocked(a,tr),governed(a,trigs,k),L,R,s,g)}
  r:=c.Code(it.Text,p); for _,e:=range r.Events{fmt.Println("E",e.Code,e.Source,e.Target,e.Date)}
 }
}
