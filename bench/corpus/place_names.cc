// The name lists: real provinces, cities, counties and districts, with pinyin; department kinds.
#include "corpus/place_names.h"

#include <sstream>

namespace gongkai::corpus {
namespace {

// "绵阳:mianyang 宜宾:yibin" -> names. Names whose characters could read as part of a figure
// or a unit (万年县, 元…) are left out of the lists.
std::vector<PlaceName> Names(const char* list) {
  std::vector<PlaceName> out;
  std::istringstream in(list);
  std::string item;
  while (in >> item) {
    size_t colon = item.find(':');
    out.push_back({item.substr(0, colon), item.substr(colon + 1)});
  }
  return out;
}

Province Make(const char* name, const char* cities, const char* counties, const char* districts) {
  Province p;
  p.name = Names(name).front();
  p.cities = Names(cities);
  p.counties = Names(counties);
  p.districts = Names(districts);
  return p;
}

}  // namespace

const std::vector<Province>& Provinces() {
  static const std::vector<Province> kProvinces = {
      Make("四川:sichuan",
           "绵阳:mianyang 宜宾:yibin 泸州:luzhou 德阳:deyang 乐山:leshan 达州:dazhou 遂宁:suining "
           "内江:neijiang 自贡:zigong 广安:guangan 巴中:bazhong 眉山:meishan 资阳:ziyang "
           "雅安:yaan 广元:guangyuan",
           "剑阁:jiange 旺苍:wangcang 青川:qingchuan 仪陇:yilong 营山:yingshan 蓬安:pengan "
           "西充:xichong 三台:santai 盐亭:yanting 梓潼:zitong 宣汉:xuanhan 开江:kaijiang "
           "大竹:dazhu 邻水:linshui 岳池:yuechi 武胜:wusheng 通江:tongjiang 南江:nanjiang "
           "平昌:pingchang 安岳:anyue 乐至:lezhi 仁寿:renshou 洪雅:hongya 夹江:jiajiang "
           "犍为:qianwei 长宁:changning 兴文:xingwen 古蔺:gulin 叙永:xuyong 合江:hejiang "
           "威远:weiyuan 资中:zizhong 富顺:fushun",
           "涪城:fucheng 游仙:youxian 顺庆:shunqing 高坪:gaoping 嘉陵:jialing 翠屏:cuiping "
           "南溪:nanxi 江阳:jiangyang 龙马潭:longmatan 纳溪:naxi 旌阳:jingyang 罗江:luojiang "
           "五通桥:wutongqiao 沙湾:shawan 通川:tongchuan 达川:dachuan 船山:chuanshan 安居:anju "
           "东兴:dongxing 贡井:gongjing 沿滩:yantan 前锋:qianfeng 恩阳:enyang 雨城:yucheng "
           "名山:mingshan 东坡:dongpo 彭山:pengshan 雁江:yanjiang 利州:lizhou 昭化:zhaohua"),
      Make("河北:hebei",
           "保定:baoding 邯郸:handan 邢台:xingtai 沧州:cangzhou 衡水:hengshui 廊坊:langfang "
           "唐山:tangshan 秦皇岛:qinhuangdao 张家口:zhangjiakou",
           "滦平:luanping 隆化:longhua 兴隆:xinglong 宽城:kuancheng 围场:weichang 涞水:laishui "
           "阜平:fuping 望都:wangdu 曲阳:quyang 顺平:shunping 博野:boye 容城:rongcheng "
           "安新:anxin 肃宁:suning 吴桥:wuqiao 东光:dongguang 盐山:yanshan 故城:gucheng "
           "武邑:wuyi 饶阳:raoyang 安平:anping 临城:lincheng 内丘:neiqiu 柏乡:baixiang "
           "隆尧:longyao 宁晋:ningjin 巨鹿:julu 正定:zhengding 行唐:xingtang 灵寿:lingshou "
           "赞皇:zanhuang",
           "双桥:shuangqiao 双滦:shuangluan 竞秀:jingxiu 莲池:lianchi 满城:mancheng "
           "清苑:qingyuan 徐水:xushui 桥西:qiaoxi 桥东:qiaodong 运河:yunhe 桃城:taocheng "
           "冀州:jizhou 安次:anci 广阳:guangyang 路南:lunan 路北:lubei 丰润:fengrun "
           "海港:haigang 北戴河:beidaihe 丛台:congtai 复兴:fuxing 邯山:hanshan"),
      Make("湖北:hubei",
           "襄阳:xiangyang 宜昌:yichang 荆州:jingzhou 黄冈:huanggang 孝感:xiaogan 十堰:shiyan "
           "荆门:jingmen 咸宁:xianning 黄石:huangshi 鄂州:ezhou",
           "郧西:yunxi 竹山:zhushan 竹溪:zhuxi 保康:baokang 南漳:nanzhang 谷城:gucheng "
           "远安:yuanan 兴山:xingshan 秭归:zigui 嘉鱼:jiayu 通城:tongcheng 崇阳:chongyang "
           "通山:tongshan 红安:hongan 罗田:luotian 英山:yingshan 浠水:xishui 蕲春:qichun "
           "黄梅:huangmei 大悟:dawu 云梦:yunmeng 孝昌:xiaochang 江陵:jiangling 沙洋:shayang "
           "阳新:yangxin",
           "襄城:xiangcheng 樊城:fancheng 襄州:xiangzhou 西陵:xiling 伍家岗:wujiagang "
           "点军:dianjun 夷陵:yiling 沙市:shashi 黄州:huangzhou 孝南:xiaonan 张湾:zhangwan "
           "茅箭:maojian 郧阳:yunyang 东宝:dongbao 掇刀:duodao 咸安:xianan 黄石港:huangshigang "
           "西塞山:xisaishan 下陆:xialu 梁子湖:liangzihu"),
      Make("湖南:hunan",
           "岳阳:yueyang 常德:changde 衡阳:hengyang 株洲:zhuzhou 湘潭:xiangtan 邵阳:shaoyang "
           "益阳:yiyang 郴州:chenzhou 永州:yongzhou 怀化:huaihua 娄底:loudi",
           "茶陵:chaling 炎陵:yanling 桃源:taoyuan 汉寿:hanshou 临澧:linli 石门:shimen "
           "安乡:anxiang 平江:pingjiang 湘阴:xiangyin 华容:huarong 衡山:hengshan 衡东:hengdong "
           "祁东:qidong 新化:xinhua 双峰:shuangfeng 安化:anhua 桃江:taojiang 宜章:yizhang "
           "嘉禾:jiahe 宁远:ningyuan 新田:xintian 隆回:longhui 洞口:dongkou",
           "岳阳楼:yueyanglou 君山:junshan 武陵:wuling 鼎城:dingcheng 雁峰:yanfeng 石鼓:shigu "
           "蒸湘:zhengxiang 荷塘:hetang 芦淞:lusong 雨湖:yuhu 岳塘:yuetang 双清:shuangqing "
           "大祥:daxiang 北塔:beita 赫山:heshan 北湖:beihu 苏仙:suxian 零陵:lingling "
           "冷水滩:lengshuitan 鹤城:hecheng 娄星:louxing"),
      Make("河南:henan",
           "洛阳:luoyang 开封:kaifeng 南阳:nanyang 信阳:xinyang 周口:zhoukou 商丘:shangqiu "
           "许昌:xuchang 漯河:luohe 安阳:anyang 新乡:xinxiang 焦作:jiaozuo 驻马店:zhumadian "
           "平顶山:pingdingshan",
           "栾川:luanchuan 汝阳:ruyang 宜阳:yiyang 洛宁:luoning 伊川:yichuan 兰考:lankao "
           "通许:tongxu 尉氏:weishi 西峡:xixia 镇平:zhenping 内乡:neixiang 淅川:xichuan "
           "社旗:sheqi 唐河:tanghe 新野:xinye 桐柏:tongbai 罗山:luoshan 光山:guangshan "
           "商城:shangcheng 固始:gushi 潢川:huangchuan 淮滨:huaibin 扶沟:fugou 西华:xihua "
           "商水:shangshui 沈丘:shenqiu 郸城:dancheng 太康:taikang 鹿邑:luyi 民权:minquan "
           "宁陵:ningling 柘城:zhecheng 虞城:yucheng 夏邑:xiayi 鄢陵:yanling",
           "老城:laocheng 西工:xigong 涧西:jianxi 洛龙:luolong 龙亭:longting 鼓楼:gulou "
           "宛城:wancheng 卧龙:wolong 浉河:shihe 平桥:pingqiao 川汇:chuanhui 梁园:liangyuan "
           "睢阳:suiyang 魏都:weidu 建安:jianan 源汇:yuanhui 郾城:yancheng 召陵:shaoling "
           "文峰:wenfeng 北关:beiguan 殷都:yindu 卫滨:weibin 牧野:muye 山阳:shanyang "
           "驿城:yicheng 湛河:zhanhe"),
      Make("山东:shandong",
           "潍坊:weifang 临沂:linyi 济宁:jining 泰安:taian 德州:dezhou 聊城:liaocheng "
           "菏泽:heze 滨州:binzhou 枣庄:zaozhuang 日照:rizhao 烟台:yantai 威海:weihai",
           "临朐:linqu 昌乐:changle 沂南:yinan 郯城:tancheng 沂水:yishui 兰陵:lanling "
           "平邑:pingyi 莒南:junan 蒙阴:mengyin 临沭:linshu 微山:weishan 鱼台:yutai "
           "金乡:jinxiang 嘉祥:jiaxiang 汶上:wenshang 泗水:sishui 梁山:liangshan "
           "宁阳:ningyang 东平:dongping 宁津:ningjin 庆云:qingyun 齐河:qihe 平原:pingyuan "
           "夏津:xiajin 武城:wucheng 阳谷:yanggu 东阿:donge 高唐:gaotang 成武:chengwu "
           "巨野:juye 郓城:yuncheng 鄄城:juancheng 东明:dongming 惠民:huimin 阳信:yangxin "
           "无棣:wudi 博兴:boxing",
           "潍城:weicheng 寒亭:hanting 坊子:fangzi 奎文:kuiwen 兰山:lanshan 罗庄:luozhuang "
           "河东:hedong 任城:rencheng 兖州:yanzhou 泰山:taishan 岱岳:daiyue 德城:decheng "
           "陵城:lingcheng 东昌府:dongchangfu 茌平:chiping 牡丹:mudan 定陶:dingtao "
           "滨城:bincheng 沾化:zhanhua 薛城:xuecheng 峄城:yicheng 台儿庄:taierzhuang "
           "东港:donggang 岚山:lanshan 芝罘:zhifu 福山:fushan 牟平:muping 莱山:laishan "
           "环翠:huancui 文登:wendeng"),
      Make("江苏:jiangsu",
           "扬州:yangzhou 泰州:taizhou 盐城:yancheng 淮安:huaian 连云港:lianyungang "
           "宿迁:suqian 徐州:xuzhou 镇江:zhenjiang 南通:nantong 常州:changzhou",
           "宝应:baoying 滨海:binhai 阜宁:funing 射阳:sheyang 建湖:jianhu 响水:xiangshui "
           "涟水:lianshui 盱眙:xuyi 金湖:jinhu 东海:donghai 灌云:guanyun 灌南:guannan "
           "沭阳:shuyang 泗阳:siyang 泗洪:sihong 睢宁:suining 如东:rudong",
           "广陵:guangling 邗江:hanjiang 江都:jiangdu 海陵:hailing 高港:gaogang 姜堰:jiangyan "
           "亭湖:tinghu 盐都:yandu 大丰:dafeng 清江浦:qingjiangpu 淮阴:huaiyin 洪泽:hongze "
           "连云:lianyun 海州:haizhou 赣榆:ganyu 宿城:sucheng 宿豫:suyu 云龙:yunlong "
           "贾汪:jiawang 泉山:quanshan 铜山:tongshan 京口:jingkou 润州:runzhou 丹徒:dantu "
           "崇川:chongchuan 通州:tongzhou 海门:haimen 天宁:tianning 钟楼:zhonglou "
           "新北:xinbei 武进:wujin 金坛:jintan"),
      Make("浙江:zhejiang",
           "绍兴:shaoxing 嘉兴:jiaxing 湖州:huzhou 金华:jinhua 台州:taizhou 丽水:lishui "
           "衢州:quzhou 温州:wenzhou 舟山:zhoushan",
           "新昌:xinchang 嘉善:jiashan 海盐:haiyan 德清:deqing 长兴:changxing 安吉:anji "
           "武义:wuyi 浦江:pujiang 磐安:panan 三门:sanmen 天台:tiantai 仙居:xianju "
           "青田:qingtian 缙云:jinyun 遂昌:suichang 松阳:songyang 云和:yunhe 庆元:qingyuan "
           "常山:changshan 开化:kaihua 龙游:longyou 永嘉:yongjia 平阳:pingyang 苍南:cangnan "
           "文成:wencheng 泰顺:taishun 岱山:daishan 嵊泗:shengsi",
           "越城:yuecheng 柯桥:keqiao 上虞:shangyu 南湖:nanhu 秀洲:xiuzhou 吴兴:wuxing "
           "南浔:nanxun 婺城:wucheng 金东:jindong 椒江:jiaojiang 黄岩:huangyan 路桥:luqiao "
           "莲都:liandu 柯城:kecheng 衢江:qujiang 鹿城:lucheng 龙湾:longwan 瓯海:ouhai "
           "洞头:dongtou 定海:dinghai 普陀:putuo"),
      Make("安徽:anhui",
           "芜湖:wuhu 蚌埠:bengbu 安庆:anqing 阜阳:fuyang 六安:luan 滁州:chuzhou 宿州:suzhou "
           "亳州:bozhou 淮南:huainan 淮北:huaibei 池州:chizhou 宣城:xuancheng 黄山:huangshan "
           "铜陵:tongling 马鞍山:maanshan",
           "南陵:nanling 怀远:huaiyuan 五河:wuhe 固镇:guzhen 怀宁:huaining 太湖:taihu "
           "宿松:susong 望江:wangjiang 岳西:yuexi 临泉:linquan 太和:taihe 阜南:funan "
           "颍上:yingshang 霍邱:huoqiu 舒城:shucheng 金寨:jinzhai 霍山:huoshan 来安:laian "
           "全椒:quanjiao 定远:dingyuan 凤阳:fengyang 砀山:dangshan 灵璧:lingbi "
           "涡阳:guoyang 蒙城:mengcheng 利辛:lixin 凤台:fengtai 濉溪:suixi 东至:dongzhi "
           "石台:shitai 青阳:qingyang 郎溪:langxi 绩溪:jixi 旌德:jingde 休宁:xiuning "
           "祁门:qimen 枞阳:zongyang 当涂:dangtu 含山:hanshan",
           "镜湖:jinghu 弋江:yijiang 鸠江:jiujiang 龙子湖:longzihu 蚌山:bengshan "
           "禹会:yuhui 淮上:huaishang 迎江:yingjiang 大观:daguan 宜秀:yixiu 颍州:yingzhou "
           "颍东:yingdong 颍泉:yingquan 金安:jinan 裕安:yuan 叶集:yeji 琅琊:langya "
           "南谯:nanqiao 埇桥:yongqiao 谯城:qiaocheng 田家庵:tianjiaan 谢家集:xiejiaji "
           "相山:xiangshan 杜集:duji 贵池:guichi 宣州:xuanzhou 屯溪:tunxi 徽州:huizhou "
           "铜官:tongguan 义安:yian 花山:huashan 雨山:yushan 博望:bowang"),
      Make("江西:jiangxi",
           "赣州:ganzhou 吉安:jian 上饶:shangrao 九江:jiujiang 宜春:yichun 抚州:fuzhou "
           "景德镇:jingdezhen 萍乡:pingxiang 新余:xinyu 鹰潭:yingtan",
           "信丰:xinfeng 大余:dayu 上犹:shangyou 崇义:chongyi 安远:anyuan 定南:dingnan "
           "全南:quannan 宁都:ningdu 于都:yudu 兴国:xingguo 会昌:huichang 寻乌:xunwu "
           "石城:shicheng 吉水:jishui 峡江:xiajiang 新干:xingan 永丰:yongfeng 泰和:taihe "
           "遂川:suichuan 安福:anfu 永新:yongxin 铅山:yanshan 横峰:hengfeng 弋阳:yiyang "
           "余干:yugan 鄱阳:poyang 婺源:wuyuan 修水:xiushui 武宁:wuning 永修:yongxiu "
           "德安:dean 都昌:duchang 湖口:hukou 彭泽:pengze 奉新:fengxin 上高:shanggao "
           "宜丰:yifeng 靖安:jingan 铜鼓:tonggu 南城:nancheng 黎川:lichuan 南丰:nanfeng "
           "崇仁:chongren 乐安:lean 宜黄:yihuang 金溪:jinxi 资溪:zixi 广昌:guangchang",
           "章贡:zhanggong 南康:nankang 吉州:jizhou 青原:qingyuan 信州:xinzhou "
           "广丰:guangfeng 广信:guangxin 濂溪:lianxi 浔阳:xunyang 柴桑:chaisang "
           "袁州:yuanzhou 临川:linchuan 东乡:dongxiang 昌江:changjiang 珠山:zhushan "
           "安源:anyuan 湘东:xiangdong 渝水:yushui 月湖:yuehu 余江:yujiang"),
  };
  return kProvinces;
}

const std::vector<DepartmentKind>& DepartmentKinds() {
  static const std::vector<DepartmentKind> kKinds = {
      {"医疗保障局", "healthcare-security-bureau", false},
      {"财政局", "finance-bureau", false},
      {"教育局", "education-bureau", false},
      {"卫生健康委员会", "health-commission", false},
      {"民政局", "civil-affairs-bureau", false},
      {"司法局", "justice-bureau", false},
      {"人力资源和社会保障局", "human-resources-social-security-bureau", false},
      {"自然资源和规划局", "natural-resources-planning-bureau", false},
      {"生态环境局", "ecology-environment-bureau", false},
      {"住房和城乡建设局", "housing-urban-rural-development-bureau", false},
      {"交通运输局", "transport-bureau", false},
      {"水利局", "water-resources-bureau", false},
      {"农业农村局", "agriculture-rural-affairs-bureau", false},
      {"商务局", "commerce-bureau", false},
      {"文化广播电视和旅游局", "culture-tourism-bureau", false},
      {"应急管理局", "emergency-management-bureau", false},
      {"审计局", "audit-bureau", false},
      {"统计局", "statistics-bureau", false},
      {"市场监督管理局", "market-regulation-bureau", false},
      {"退役军人事务局", "veterans-affairs-bureau", false},
      {"林业局", "forestry-bureau", false},
      {"体育局", "sports-bureau", false},
      {"发展和改革局", "development-reform-bureau", false},
      {"科学技术局", "science-technology-bureau", false},
      {"医疗保障事务中心", "medical-security-affairs-center", true},
      {"医疗保障服务中心", "medical-security-service-center", true},
      {"医疗保障中心", "medical-security-center", true},
      {"公共资源交易中心", "public-resources-trading-center", true},
      {"不动产登记中心", "real-estate-registration-center", true},
      {"疾病预防控制中心", "disease-control-center", true},
      {"政务服务中心", "government-services-center", true},
      {"财政投资评审中心", "fiscal-investment-review-center", true},
      {"农业技术推广中心", "agricultural-extension-center", true},
      {"机关事务服务中心", "government-affairs-service-center", true},
      {"融媒体中心", "media-center", true},
      {"大数据发展中心", "big-data-center", true},
      {"退役军人服务中心", "veterans-service-center", true},
      {"妇幼保健计划生育服务中心", "maternal-child-health-center", true},
  };
  return kKinds;
}

}  // namespace gongkai::corpus
